package unpaginated

import "testing"

// The head noun of a table's name says whether it records occurrences.
func TestRecordsOccurrences(t *testing.T) {
	for name, want := range map[string]bool{
		"events": true, "mail_log": true, "login_history": true, "app.user_notifications": true,
		"audit_log_entries": true, "chat_messages": true,
		"event_types": false, "messages_groups": false, "simulation_message_isochrones_users": false,
		"users": false, "line_items": false, "metric": false,
	} {
		if got := recordsOccurrences(name); got != want {
			t.Errorf("recordsOccurrences(%q) = %v, want %v", name, got, want)
		}
	}
}

// Equality on an enumeration narrows a table; on anything else it picks a
// parent's children.
func TestSelectsParent(t *testing.T) {
	for _, tt := range []struct {
		cols []string
		want bool
	}{
		{nil, true}, {[]string{"user_id"}, true}, {[]string{"host"}, true},
		{[]string{"status"}, false}, {[]string{"kind", "state"}, false}, {[]string{"kind", "app_id"}, true},
	} {
		if got := selectsParent(tt.cols); got != tt.want {
			t.Errorf("selectsParent(%v) = %v, want %v", tt.cols, got, tt.want)
		}
	}
}
