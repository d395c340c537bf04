//! Chỉ số in the browser. This file only mounts the app, in place of index.html's static shell.

mod api;
mod app;
mod brief;
mod browser;
mod chart_parts;
mod chart_view;
mod controls;
mod embed;
mod embed_dialog;
mod export;
mod files_panel;
mod import_panel;
mod offline;
mod present;
mod split;
mod state;
mod views;
mod worker;

fn main() {
    #[cfg(debug_assertions)]
    browser::log_panics();
    // In the same task as the mount: no frame without either, none with both.
    browser::remove_shell();
    leptos::mount::mount_to_body(app::App);
}
