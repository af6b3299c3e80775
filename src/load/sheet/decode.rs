//! Turning the bytes judges send into text: UTF-8 with or without a byte-order mark, UTF-16
//! with one (Excel's "Unicode text"), or any encoding named by a WHATWG label.

use encoding_rs::{DecoderResult, Encoding, UTF_8};

use crate::diagnostics::finding::Finding;
use crate::diagnostics::source::SourceFile;
use crate::load::files::NOT_UTF8;

/// The encoding named by a WHATWG label (`euc-kr`, `windows-1252`, `utf-16le`, ...), or why the
/// label is refused.
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, String> {
    match Encoding::for_label(label.trim().as_bytes()) {
        // The "replacement" encoding decodes every input to one error: it is never what is meant.
        Some(encoding) if encoding != encoding_rs::REPLACEMENT => Ok(encoding),
        _ => Err(format!(
            "unknown encoding `{label}` (use a WHATWG label such as utf-8, utf-16le, windows-1252, euc-kr, shift_jis)"
        )),
    }
}

/// Decodes a sheet. A byte-order mark decides the encoding when there is one (UTF-8, UTF-16 LE
/// or BE); otherwise `encoding` does, else UTF-8. Bytes that are not valid in that encoding
/// give a `not-utf8` finding naming the line and suggesting `--encoding`.
pub fn decode(path: &str, bytes: &[u8], encoding: Option<&'static Encoding>) -> Result<String, Box<Finding>> {
    let (encoding, bom) = match Encoding::for_bom(bytes) {
        Some((found, len)) => (found, len),
        None => (encoding.unwrap_or(UTF_8), 0),
    };
    let body = &bytes[bom..];
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(body.len())
            .unwrap_or(body.len()),
    );
    let mut read = 0;
    loop {
        let (result, n) = decoder.decode_to_string_without_replacement(&body[read..], &mut text, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => text.reserve(body.len() - read + 16),
            DecoderResult::Malformed(bad, after) => {
                let start = read.saturating_sub(usize::from(after) + usize::from(bad));
                return Err(Box::new(undecodable(path, bytes, bom, start, encoding, &text)));
            }
        }
    }
    // UTF-16 saved without a byte-order mark reads as UTF-8 full of NUL bytes: say what it is.
    if encoding == UTF_8
        && bom == 0
        && let Some(byte) = text.find('\0')
    {
        let normal = normalise_line_ends(&text);
        // Line ends change length, NUL bytes stay: the first is the same one.
        let nul = normal.find('\0').unwrap_or_default();
        let at = SourceFile::new(path, normal).position(&(nul..nul + 1));
        let nuls = text.bytes().filter(|&b| b == 0).count();
        let (why, help) = if nuls * 4 >= text.len() {
            (
                ": the file looks like UTF-16 without a byte-order mark",
                "name its encoding: `prize scores import --encoding utf-16le FILE` (or utf-16be)",
            )
        } else {
            (
                "",
                "a sheet holds text: remove the NUL byte, or name the file's encoding with `--encoding`",
            )
        };
        let finding = Finding::at(
            NOT_UTF8.severity,
            NOT_UTF8.name,
            path,
            &at,
            format!("byte {byte} (0x00) on line {} is a NUL byte{why}", at.line),
        )
        .with_help(help);
        return Err(Box::new(finding));
    }
    Ok(text)
}

/// The finding for the first byte that is not valid in `encoding`; `decoded` is the text
/// decoded before it.
fn undecodable(
    path: &str,
    bytes: &[u8],
    bom: usize,
    start: usize,
    encoding: &'static Encoding,
    decoded: &str,
) -> Finding {
    let offset = bom + start;
    let byte = bytes.get(offset).copied().unwrap_or_default();
    // The whole text with replacement characters, so that the line can be shown with a caret
    // under the bad byte: everything before it decodes the same way in both.
    let (lossy, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
    let prefix = normalise_line_ends(decoded);
    let lossy = normalise_line_ends(&lossy);
    let at = prefix.len().min(lossy.len());
    let width = lossy[at..].chars().next().map_or(0, char::len_utf8);
    let position = SourceFile::new(path, lossy.as_str()).position(&(at..at + width));
    let help = if encoding == UTF_8 {
        "if the sheet was saved in another encoding, name it: `prize scores import --encoding windows-1252 FILE` \
         (euc-kr for Korean Excel, shift_jis for Japanese)"
            .to_string()
    } else {
        format!(
            "the file is not {}: name the encoding it was saved in with `--encoding` (a WHATWG label such as \
             utf-8, windows-1252, euc-kr)",
            encoding.name()
        )
    };
    Finding::at(
        NOT_UTF8.severity,
        NOT_UTF8.name,
        path,
        &position,
        format!(
            "byte {offset} (0x{byte:02X}) on line {} is not valid {}",
            position.line,
            encoding.name()
        ),
    )
    .with_help(help)
}

/// `\r\n` and a lone `\r` (old Mac spreadsheets) both end a line; the reader sees only `\n`.
pub fn normalise_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend(pair);
        }
        out
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("s.csv", b"a,b\n", None).unwrap(), "a,b\n");
        assert_eq!(decode("s.csv", b"\xEF\xBB\xBFa,b\n", None).unwrap(), "a,b\n");
        assert_eq!(decode("s.csv", b"", None).unwrap(), "");
    }

    #[test]
    fn utf16_both_orders_by_bom_whatever_the_label() {
        let text = "application\timpact\nAPP-1\t7,5\t서울\n";
        assert_eq!(decode("s.csv", &utf16(text, false), None).unwrap(), text);
        assert_eq!(decode("s.csv", &utf16(text, true), None).unwrap(), text);
        let euc_kr = encoding_for_label("euc-kr").unwrap();
        assert_eq!(decode("s.csv", &utf16(text, true), Some(euc_kr)).unwrap(), text);
    }

    #[test]
    fn labels_name_legacy_encodings() {
        let latin = encoding_for_label(" Windows-1252 ").unwrap();
        assert_eq!(decode("s.csv", b"caf\xE9", Some(latin)).unwrap(), "café");
        let (bytes, _, _) = encoding_for_label("euc-kr").unwrap().encode("심사 의견");
        assert_eq!(
            decode("s.csv", &bytes, encoding_for_label("euc-kr").ok()).unwrap(),
            "심사 의견"
        );
        assert!(encoding_for_label("klingon").is_err());
        assert!(
            encoding_for_label("iso-2022-kr").is_err(),
            "the replacement encoding is refused"
        );
    }

    #[test]
    fn invalid_bytes_name_line_column_offset_and_suggest_encoding() {
        let err = decode("s.csv", b"application,impact\r\nAPP-1,7,caf\xE9\r\n", None).unwrap_err();
        assert_eq!((err.line, err.column), (2, 12));
        assert_eq!(err.code, "not-utf8");
        assert_eq!(err.message, "byte 31 (0xE9) on line 2 is not valid UTF-8");
        assert!(err.help.as_deref().unwrap_or_default().contains("--encoding"));
        let excerpt = err.excerpt.unwrap();
        assert_eq!(excerpt.text, "APP-1,7,caf\u{FFFD}");
        assert_eq!(excerpt.underline, 11..14);
        // With a BOM, the offset still counts from the file's first byte.
        let err = decode("s.csv", b"\xEF\xBB\xBFx\n\xFF", None).unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
        assert!(err.message.starts_with("byte 5 (0xFF)"), "{}", err.message);
    }

    #[test]
    fn invalid_in_a_named_encoding() {
        // 0xFF is not a lead byte in EUC-KR.
        let euc_kr = encoding_for_label("euc-kr").ok();
        let err = decode("s.csv", b"a\nb\n\xFF\xFF", euc_kr).unwrap_err();
        assert_eq!((err.line, err.column), (3, 1));
        assert_eq!(err.message, "byte 4 (0xFF) on line 3 is not valid EUC-KR");
        assert!(err.help.as_deref().unwrap_or_default().contains("--encoding"));
        // An unpaired surrogate in UTF-16.
        let err = decode("s.csv", &[0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0], None).unwrap_err();
        assert_eq!((err.line, err.column), (1, 2));
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let bytes: Vec<u8> = "ab\ncd".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let err = decode("s.csv", &bytes, None).unwrap_err();
        assert_eq!((err.line, err.column), (1, 2));
        assert!(err.help.unwrap().contains("utf-16le"));
        let err = decode("s.csv", b"application\r\nAPP-1,8,7,a\0b\n", None).unwrap_err();
        assert_eq!((err.line, err.column), (2, 12));
        assert_eq!(err.message, "byte 24 (0x00) on line 2 is a NUL byte");
    }

    #[test]
    fn line_ends() {
        assert_eq!(normalise_line_ends("a\r\nb\rc\n"), "a\nb\nc\n");
    }
}
