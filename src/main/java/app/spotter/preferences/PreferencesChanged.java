package app.spotter.preferences;

/** Published inside the transaction that saved new preferences. */
public record PreferencesChanged(SyncPreferences before, SyncPreferences after) {}
