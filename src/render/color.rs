//! Colour, decided once at the top and passed down as a plain value.

/// Whether to use ANSI colour, and the few styles the renderers use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub enabled: bool,
}

impl Palette {
    pub const PLAIN: Palette = Palette { enabled: false };

    /// `auto` means: stdout is a terminal, `NO_COLOR` is unset or empty, and
    /// `TERM` is not `dumb`.
    pub fn decide(choice: crate::cli::ColorChoice, stdout_is_terminal: bool) -> Palette {
        use crate::cli::ColorChoice;
        let enabled = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                stdout_is_terminal
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
            }
        };
        Palette { enabled }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.enabled {
            // The palette's marks become escape sequences only in
            // `inert::terminal`, after the data has been made inert.
            let mark = crate::render::inert::mark();
            format!("{mark}[{code}m{text}{mark}[0m")
        } else {
            text.to_string()
        }
    }

    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }
    pub fn red(self, text: &str) -> String {
        self.paint("31", text)
    }
    pub fn green(self, text: &str) -> String {
        self.paint("32", text)
    }
    pub fn yellow(self, text: &str) -> String {
        self.paint("33", text)
    }
    pub fn cyan(self, text: &str) -> String {
        self.paint("36", text)
    }
    /// Deleted words: red and struck through in colour, `[-…-]` without.
    pub fn deleted(self, text: &str) -> String {
        if self.enabled {
            self.paint("31;9", text)
        } else {
            format!("[-{text}-]")
        }
    }
    /// Inserted words: green and underlined in colour, `{+…+}` without.
    pub fn inserted(self, text: &str) -> String {
        if self.enabled {
            self.paint("32;4", text)
        } else {
            format!("{{+{text}+}}")
        }
    }
}
