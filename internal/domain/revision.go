package domain

// PracticeText is what a revision freezes: the text reviewers read.
type PracticeText struct {
	Title        string
	Summary      string
	Language     string
	Country      string
	Themes       []string
	TargetGroups []string
	Content      PracticeContent
	Products     []Product
	Translations map[string]Translation
}

// Snapshot freezes the text of p.
func Snapshot(p *Practice) PracticeText {
	return p.PracticeText
}
