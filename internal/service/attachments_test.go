package service

import (
	"archive/zip"
	"bytes"
	"testing"
)

// zipOf builds a zip archive with the named entries in order; store keeps the first one
// uncompressed, as OpenDocument requires of its "mimetype" entry.
func zipOf(t *testing.T, entries [][2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i, e := range entries {
		method := zip.Deflate
		if i == 0 {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e[0], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(e[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSniffMediaTypeDecidesByContent(t *testing.T) {
	xml := `<?xml version="1.0"?><Types/>`
	cases := []struct {
		name    string
		content []byte
		want    string
		ok      bool
	}{
		{"pdf", []byte("%PDF-1.4\n1 0 obj\n"), "application/pdf", true},
		{"docx", zipOf(t, [][2]string{{"[Content_Types].xml", xml}, {"_rels/.rels", xml}, {"word/document.xml", xml}}),
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", true},
		{"xlsx", zipOf(t, [][2]string{{"[Content_Types].xml", xml}, {"xl/workbook.xml", xml}}),
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", true},
		{"odt", zipOf(t, [][2]string{{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", xml}}),
			"application/vnd.oasis.opendocument.text", true},
		{"plain zip", zipOf(t, [][2]string{{"readme.txt", "hello"}}), "application/zip", false},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "image/png", true},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), "image/jpeg", true},
		{"text", []byte("Minutes of the meeting.\n"), "text/plain; charset=utf-8", true},
		{"html", []byte("<!DOCTYPE html><html><body>x</body></html>"), "text/html", false},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "image/svg+xml", false},
		{"elf", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00"), "", false},
	}
	for _, c := range cases {
		got, ok := sniffMediaType(c.content)
		if ok != c.ok || (c.want != "" && got != c.want) {
			t.Errorf("%s: %q %v, want %q %v", c.name, got, ok, c.want, c.ok)
		}
	}
}
