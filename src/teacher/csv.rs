//! CSV for spreadsheets used in French schools: `;` between fields (what a French
//! Excel expects when the file is double-clicked), UTF-8 with a byte-order mark (so
//! accents show), and cells that would start a formula (`=`, `+`, `-`, `@`) neutralized
//! with a leading `'`: a student's name is never run as a formula.

/// Builds a CSV text row by row.
pub(crate) struct Csv {
    text: String,
}

impl Csv {
    pub fn new(header: &[&str]) -> Csv {
        let mut csv = Csv {
            text: String::from("\u{feff}"),
        };
        csv.row(header.iter().map(|h| h.to_string()));
        csv
    }

    pub fn row(&mut self, cells: impl IntoIterator<Item = String>) {
        let cells: Vec<String> = cells.into_iter().map(|c| cell(&c)).collect();
        self.text.push_str(&cells.join(";"));
        self.text.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.text
    }
}

fn cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([';', '"', '\n', '\r', ',']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_neutralized() {
        let mut csv = Csv::new(&["a", "b"]);
        csv.row(["=1+1".to_string(), "x;\"y\"".to_string()]);
        let text = csv.finish();
        assert_eq!(text, "\u{feff}a;b\r\n'=1+1;\"x;\"\"y\"\"\"\r\n");
    }
}
