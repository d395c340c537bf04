//! `chiso` as a publisher runs it: output lines, exit codes, and the generator's files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn chiso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(args)
        .output()
        .expect("chiso runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../public/data")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn temp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chiso-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn tay_ninh_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(sample("tay-ninh.json")).unwrap();
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

#[test]
fn the_sample_manifest_validates_clean() {
    let o = chiso(&["validate", "--lang", "en", &sample("manifest.json")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.ends_with("5 files (0 rejected), 8633 valid figures: 0 errors, 0 warnings\n"),
        "{out}"
    );
}

#[test]
fn each_broken_file_is_named_with_place_and_reason() {
    let cases: [(&str, &str, &str, &str); 8] = [
        ("\"value\": 0.4582", "\"value\": 4.582", "value 4.582 is outside the scale 0–1", "observations[7].value"),
        ("\"value\": 25, \"of\": 63", "\"value\": 70, \"of\": 63", "rank 70 is outside 1–63", "observations[8].value"),
        ("\"period\": \"2020-Q2\", \"value\": 6", "\"period\": \"2020-Q5\", \"value\": 6", "there is no quarter Q5", "observations[0].period"),
        ("\"value\": 15, \"source\": \"q2\" },\n    { \"unit\": \"tay-ninh\", \"indicator\": \"feedback.resolved\"", "\"value\": \"15\", \"source\": \"q2\" },\n    { \"unit\": \"tay-ninh\", \"indicator\": \"feedback.resolved\"", "expected a number, found the string \"15\"", "observations[1].value"),
        ("\"value\": 37", "\"value\": 1e999", "value 1e999 is too large", "observations[6].value"),
        ("\"value\": 8", "\"value\": -8", "a count cannot be negative (-8)", "observations[3].value"),
        ("\"indicator\": \"feedback.received\", \"period\": \"2020-Q3\"", "\"indicator\": \"feedback.recieved\", \"period\": \"2020-Q3\"", "indicator \"feedback.recieved\" is neither", "observations[4].indicator"),
        ("{ \"unit\": \"tay-ninh\", \"indicator\": \"procedures.decisions\", \"period\": \"2020-Q3\"", "{ \"unit\": \"tay-nihn\", \"indicator\": \"procedures.decisions\", \"period\": \"2020-Q3\"", "unit \"tay-nihn\" is not declared", "observations[3].unit"),
    ];
    for (from, to, message, path) in cases {
        let file = temp("broken.json", &tay_ninh_with(from, to));
        let o = chiso(&["validate", "--lang", "en", file.to_str().unwrap()]);
        let out = stdout(&o);
        assert_eq!(o.status.code(), Some(1), "{out}");
        let line = out
            .lines()
            .find(|l| l.contains(": error: "))
            .unwrap_or_else(|| panic!("no error line in {out}"));
        let (place, rest) = line.split_once(": error: ").unwrap();
        let mut parts = place.rsplitn(3, ':');
        let (col, row) = (parts.next().unwrap(), parts.next().unwrap());
        assert!(
            col.parse::<usize>().is_ok() && row.parse::<usize>().unwrap() >= 11,
            "{line}"
        );
        assert!(rest.contains(message), "{line}");
        assert!(rest.ends_with(&format!("(at {path})")), "{line}");
        // The other figures stay: only the one entry is dropped.
        assert!(out.contains(" 8 valid figures: 1 errors"), "{out}");
    }
}

#[test]
fn whole_file_problems_exit_1_and_vietnamese_is_the_default() {
    let truncated = temp("cut.json", &tay_ninh_with("\n}\n", "\n"));
    let o = chiso(&["validate", truncated.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains(": lỗi: tệp bị cắt cụt"),
        "{}",
        stdout(&o)
    );
    let empty = temp("empty.json", "");
    let o = chiso(&["validate", "--lang", "en", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("empty.json:1:1: error: the file is empty"),
        "{}",
        stdout(&o)
    );
    let wrong = temp(
        "wrong.json",
        &tay_ninh_with("chiso-metrics/1", "chiso-metrics/9"),
    );
    let o = chiso(&["validate", "--lang", "en", wrong.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains(":2:13: error: format \"chiso-metrics/9\" is newer"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_conflicting_duplicate_is_an_error_at_the_dropped_entry() {
    let a = temp(
        "a.json",
        &tay_ninh_with(
            "\"published\": \"2020-10-23\"",
            "\"published\": \"2020-08-01\"",
        ),
    );
    let b = temp(
        "b.json",
        &tay_ninh_with("\"value\": 0.4582", "\"value\": 0.4600"),
    );
    let o = chiso(&[
        "validate",
        "--lang",
        "en",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.lines().any(|l| l.contains("a.json:")
            && l.contains("error: same unit, indicator and period as")
            && l.contains("b.json:")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.contains("b.json:") && l.contains("warning: conflicts with")),
        "{out}"
    );
}

#[test]
fn warnings_alone_exit_0_and_json_output_is_machine_readable() {
    let file = temp(
        "warn.json",
        &tay_ninh_with(
            "\"illustrative\": false,",
            "\"illustrative\": false,\n  \"observation\": [],",
        ),
    );
    let o = chiso(&["validate", "--json", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON output");
    assert_eq!(doc["errors"], 0);
    assert_eq!(doc["warnings"], 1);
    assert_eq!(doc["findings"][0]["path"], "observation");
    assert_eq!(doc["findings"][0]["severity"], "warning");
    assert_eq!(doc["files"][0]["state"], "loaded");
}

#[test]
fn a_tampered_file_fails_its_manifest_checksum() {
    let dir = temp("x", "").parent().unwrap().join("manifest-case");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("tay-ninh.json"),
        tay_ninh_with("\"value\": 37", "\"value\": 38"),
    )
    .unwrap();
    let manifest = format!(
        r#"{{ "format": "chiso-manifest/1", "files": [ {{ "path": "tay-ninh.json", "sha256": "{}" }} ] }}"#,
        "ab".repeat(32)
    );
    std::fs::write(dir.join("manifest.json"), manifest).unwrap();
    let o = chiso(&[
        "validate",
        "--lang",
        "en",
        dir.join("manifest.json").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("sha256 does not match the manifest"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(chiso(&[]).status.code(), Some(2));
    assert_eq!(chiso(&["validate"]).status.code(), Some(2));
    assert_eq!(
        chiso(&["validate", "--lang", "fr", "x.json"]).status.code(),
        Some(2)
    );
    assert_eq!(
        chiso(&["validate", "--bogus", "x.json"]).status.code(),
        Some(2)
    );
    let o = chiso(&["validate", "/nonexistent/file.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("/nonexistent/file.json: lỗi: không đọc được tệp"));
    assert_eq!(
        chiso(&["generate", "--units", "many"]).status.code(),
        Some(2)
    );
}

#[test]
fn generate_writes_the_same_valid_file_every_time() {
    let dir = temp("x", "").parent().unwrap().to_path_buf();
    let (a, b) = (dir.join("g1.json"), dir.join("g2.json"));
    for p in [&a, &b] {
        let o = chiso(&[
            "generate",
            "--units",
            "3",
            "--quarters",
            "8",
            "-o",
            p.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0));
    }
    let (ta, tb) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(ta, tb);
    let o = chiso(&["validate", "--lang", "en", a.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let doc: serde_json::Value = serde_json::from_slice(&ta).unwrap();
    assert_eq!(doc["illustrative"], true);
    // Three provinces, the merged one, and three agencies for each of the four.
    assert_eq!(doc["units"].as_array().unwrap().len(), 4 + 4 * 3);
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn help_and_version_exit_0() {
    let o = chiso(&["import", "--help"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("--sheet <NAME>"), "{}", stdout(&o));
    for args in [
        &["--help"][..],
        &["help"],
        &["validate", "-h"],
        &["help", "manifest"],
    ] {
        let o = chiso(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(
            stdout(&o).contains("Usage: chiso"),
            "{args:?}: {}",
            stdout(&o)
        );
    }
    let o = chiso(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), format!("chiso {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_name_the_problem_with_a_hint() {
    let o = chiso(&["validate", "--jsno", "x.json"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("error: unexpected argument '--jsno' found"),
        "{err}"
    );
    assert!(
        err.contains("tip: a similar argument exists: '--json'"),
        "{err}"
    );
    assert!(
        err.ends_with("For more information, try '--help'.\n"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
    // Without a command, the help goes to stderr.
    let o = chiso(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("Usage: chiso <COMMAND>"),
        "{}",
        stderr(&o)
    );
    let o = chiso(&["generate", "--start", "1944"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("invalid value '1944' for '--start <YEAR>'"),
        "{}",
        stderr(&o)
    );
    for args in [["--units", "10001"], ["--quarters", "401"]] {
        assert_eq!(
            chiso(&["generate", args[0], args[1]]).status.code(),
            Some(2)
        );
    }
}

#[test]
fn flags_read_as_before_the_parser_changed() {
    let file = sample("tay-ninh.json");
    let summary = |args: &[&str]| {
        let o = chiso(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        stdout(&o).lines().last().unwrap_or_default().to_string()
    };
    let en = "1 files (0 rejected), 9 valid figures: 0 errors, 0 warnings";
    // `--flag=value`, regional language forms, and the last of a repeated flag wins.
    assert_eq!(summary(&["validate", "--lang=en", &file]), en);
    assert_eq!(summary(&["validate", &file, "--lang", "en-GB"]), en);
    assert_eq!(
        summary(&["validate", "--lang", "vi", "--lang", "en", &file]),
        en
    );
    assert!(summary(&["validate", "--lang", "en", "--lang", "vi", &file]).starts_with("1 tệp"));
    let dir = temp("x", "").parent().unwrap().to_path_buf();
    let out = dir.join("flags.json");
    let o = chiso(&[
        "generate",
        "--units",
        "9",
        "--units",
        "1",
        "--quarters",
        "2",
        &format!("-o={}", out.display()),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    // The last --units: one province, the merged one, three agencies for each of the two.
    assert_eq!(doc["units"].as_array().unwrap().len(), 2 + 2 * 3);
}

#[test]
fn completions_name_every_command() {
    let o = chiso(&["completions", "bash"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let script = stdout(&o);
    assert!(script.contains("complete -F _chiso"), "{script}");
    for command in ["validate", "generate", "import", "manifest", "--sheet"] {
        assert!(script.contains(command), "{command} missing");
    }
    for shell in ["zsh", "fish"] {
        let o = chiso(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        assert!(stdout(&o).contains("validate"), "{shell}");
    }
    assert_eq!(chiso(&["completions", "tcsh"]).status.code(), Some(2));
}
