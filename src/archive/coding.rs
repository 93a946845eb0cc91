//! Varint coding and hashing: the writer and the checked reader every file uses.

use super::{Error, FORMAT_VERSION};

/// 64-bit FNV-1a.
pub(super) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Appends to a file being written.
#[derive(Default)]
pub(super) struct Writer(pub Vec<u8>);

impl Writer {
    pub fn header(magic: &[u8; 4]) -> Writer {
        let mut w = Writer(Vec::new());
        w.0.extend_from_slice(magic);
        w.0.push(FORMAT_VERSION);
        w
    }
    pub fn varint(&mut self, v: u64) {
        put_varint(&mut self.0, v);
    }
    pub fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
}

pub(super) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a file with every access checked; errors name the file and the offset.
pub(super) struct Reader<'a> {
    file: &'a str,
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(file: &'a str, data: &'a [u8]) -> Reader<'a> {
        Reader { file, data, pos: 0 }
    }

    pub fn err(&self, message: impl Into<String>) -> Error {
        Error::Corrupt {
            file: self.file.to_string(),
            offset: self.pos,
            message: message.into(),
        }
    }

    pub fn pos(&self) -> usize {
        self.pos
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.data.len()
    }

    pub fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    /// Checks the magic bytes and the version.
    pub fn header(&mut self, magic: &[u8; 4]) -> Result<(), Error> {
        let got = self.bytes(4)?;
        if got != magic {
            self.pos -= 4;
            return Err(self.err(format!("not a {} file", String::from_utf8_lossy(magic))));
        }
        let v = self.u8()?;
        if v != FORMAT_VERSION {
            self.pos -= 1;
            return Err(self.err(format!(
                "format version {v}, this reader reads {FORMAT_VERSION}"
            )));
        }
        Ok(())
    }

    pub fn u8(&mut self) -> Result<u8, Error> {
        match self.data.get(self.pos) {
            Some(b) => {
                self.pos += 1;
                Ok(*b)
            }
            None => Err(self.err("unexpected end of file")),
        }
    }

    pub fn varint(&mut self) -> Result<u64, Error> {
        let start = self.pos;
        let mut v: u64 = 0;
        let mut shift = 0;
        loop {
            let b = self.u8()?;
            if shift == 63 && b > 1 {
                self.pos = start;
                return Err(self.err("varint too large"));
            }
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
            if shift > 63 {
                self.pos = start;
                return Err(self.err("varint too long"));
            }
        }
    }

    /// A varint that must fit a `u32`.
    pub fn u32(&mut self) -> Result<u32, Error> {
        let at = self.pos;
        let v = self.varint()?;
        u32::try_from(v).map_err(|_| {
            self.pos = at;
            self.err(format!("number {v} too large"))
        })
    }

    /// A count of items each at least `min_bytes` long: refused when the rest of the
    /// file cannot hold them (so that no allocation trusts a corrupt count).
    pub fn count(&mut self, min_bytes: usize) -> Result<usize, Error> {
        let at = self.pos;
        let n = self.varint()?;
        // With no minimum size, a count only has to be a sane number.
        let limit = self
            .remaining()
            .checked_div(min_bytes)
            .unwrap_or(u32::MAX as usize);
        match usize::try_from(n) {
            Ok(n) if n <= limit => Ok(n),
            _ => {
                self.pos = at;
                Err(self.err(format!("count {n} does not fit the file")))
            }
        }
    }

    pub fn u64(&mut self) -> Result<u64, Error> {
        let b = self.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], Error> {
        match self
            .pos
            .checked_add(n)
            .and_then(|end| self.data.get(self.pos..end))
        {
            Some(s) => {
                self.pos += n;
                Ok(s)
            }
            None => Err(self.err(format!("{n} bytes expected, {} left", self.remaining()))),
        }
    }

    pub fn str(&mut self) -> Result<&'a str, Error> {
        let at = self.pos;
        let n = self.count(1)?;
        let b = self.bytes(n)?;
        std::str::from_utf8(b).map_err(|_| {
            self.pos = at;
            self.err("invalid UTF-8")
        })
    }

    /// [`Reader::next_in`] with a flag in the low bit.
    pub fn next_flagged(&mut self, prev: Option<u32>) -> Result<(u32, bool), Error> {
        let at = self.pos;
        let v = self.varint()?;
        let n = u32::try_from(v >> 1).map_err(|_| {
            self.pos = at;
            self.err(format!("number {v} too large"))
        })?;
        let value = match prev {
            None => Some(n),
            Some(p) => p.checked_add(n).and_then(|x| x.checked_add(1)),
        };
        match value {
            Some(x) => Ok((x, v & 1 == 1)),
            None => {
                self.pos = at;
                Err(self.err("number overflows"))
            }
        }
    }

    /// The next number of an increasing list: the first as is, later ones as gap − 1.
    pub fn next_in(&mut self, prev: Option<u32>) -> Result<u32, Error> {
        let at = self.pos;
        let v = self.u32()?;
        match prev {
            None => Ok(v),
            Some(p) => p
                .checked_add(v)
                .and_then(|x| x.checked_add(1))
                .ok_or_else(|| {
                    self.pos = at;
                    self.err("number overflows")
                }),
        }
    }
}

/// Writes the next number of an increasing list with a flag in the low bit (see
/// [`Reader::next_flagged`]).
pub(super) fn put_flagged(out: &mut Vec<u8>, prev: Option<u32>, v: u32, flag: bool) {
    let n = match prev {
        None => v,
        Some(p) => v - p - 1,
    };
    put_varint(out, (u64::from(n) << 1) | u64::from(flag));
}

/// Writes the next number of an increasing list (see [`Reader::next_in`]).
pub(super) fn put_next(out: &mut Vec<u8>, prev: Option<u32>, v: u32) {
    match prev {
        None => put_varint(out, u64::from(v)),
        Some(p) => put_varint(out, u64::from(v - p - 1)),
    }
}
