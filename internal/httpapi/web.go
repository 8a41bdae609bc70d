package httpapi

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// webApp serves the built frontend: hashed assets with a long cache, and index.html for every
// other path so that the client-side router can take over.
func (s *Server) webApp() {
	dir := s.opts.WebDir
	s.app.Get("/robots.txt", robots)
	index := filepath.Join(dir, "index.html")
	s.app.Static("/assets", filepath.Join(dir, "assets"), fiber.Static{MaxAge: 365 * 24 * 3600})
	s.app.Get("/*", func(c *fiber.Ctx) error {
		p := filepath.Clean("/" + c.Params("*"))
		if p != "/" && !strings.HasPrefix(p, "/assets/") {
			// Top-level files such as favicon.svg or robots.txt.
			if f := filepath.Join(dir, p); fileExists(f) {
				return c.SendFile(f)
			}
		}
		if !fileExists(index) {
			c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
			return c.Status(fiber.StatusServiceUnavailable).SendString("<!doctype html><title>Peerbridge</title><p>The web app has not been built: run <code>make run</code>.</p>")
		}
		c.Set(fiber.HeaderCacheControl, "no-cache")
		return c.SendFile(index)
	})
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// robotsTxt lets crawlers see the public catalogue (the pages, the assets that render them and
// the public API behind them) and nothing else: every other page needs a sign-in, and invitation
// links carry secrets in their path.
const robotsTxt = `User-agent: *
Allow: /catalogue
Allow: /api/v1/public/
Allow: /assets/
Allow: /favicon.svg
Disallow: /
`

func robots(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
	c.Set(fiber.HeaderCacheControl, "public, max-age=86400")
	return c.SendString(robotsTxt)
}
