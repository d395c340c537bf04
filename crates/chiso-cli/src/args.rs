//! Command-line flags, parsed by hand: two commands do not justify an argument-parser crate.

/// A command's arguments: flags with their values, switches, and the rest in order.
pub struct Args {
    pub values: Vec<(String, String)>,
    pub switches: Vec<String>,
    pub positional: Vec<String>,
}

/// Splits `--flag value` pairs from positional arguments; `with_value` lists the flags that
/// take a value, `switches` those that do not.
pub fn parse(argv: &[String], with_value: &[&str], switches: &[&str]) -> Result<Args, String> {
    let mut out = Args {
        values: Vec::new(),
        switches: Vec::new(),
        positional: Vec::new(),
    };
    let mut it = argv.iter();
    while let Some(a) = it.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with('-') => (n, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        if with_value.contains(&name) {
            let v = inline
                .or_else(|| it.next().cloned())
                .ok_or(format!("{name} needs a value"))?;
            out.values.push((name.to_string(), v));
        } else if switches.contains(&name) {
            out.switches.push(name.to_string());
        } else if name.starts_with('-') && name.len() > 1 {
            return Err(format!("unknown option {name}"));
        } else {
            out.positional.push(a.clone());
        }
    }
    Ok(out)
}

impl Args {
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn number<T: std::str::FromStr>(&self, name: &str, default: T) -> Result<T, String> {
        match self.value(name) {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|_| format!("{name} takes a number, not \"{v}\"")),
        }
    }

    pub fn has(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }
}
