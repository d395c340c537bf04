//! Chỉ số in the browser. This file only mounts the app.

mod api;
mod app;
mod brief;
mod browser;
mod chart_parts;
mod chart_view;
mod controls;
mod embed;
mod embed_dialog;
mod files_panel;
mod import_panel;
mod offline;
mod present;
mod state;
mod views;
mod worker;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
