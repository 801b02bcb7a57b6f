/**
 * Calendar sync. This package is the contract every calendar adapter implements ({@link
 * app.spotter.sync.CalendarProvider}, {@link app.spotter.sync.PasswordConnector}, {@link
 * app.spotter.sync.OAuthConnector}) and the values they exchange with the engine. Its parts:
 * <ul>
 *   <li>{@code engine}: the entry {@code CalendarSync}, the queue, the reconcile job, rounds, the scheduler;</li>
 *   <li>{@code store}: the tables it owns (connections, mirror rows, pending work, status);</li>
 *   <li>{@code web}: the JSON API and the OAuth callback;</li>
 *   <li>{@code caldav}, {@code google}, {@code email}: one adapter each, seeing only this package.</li>
 * </ul>
 * A new calendar service is one new adapter package and one constant in {@link app.spotter.sync.Provider};
 * {@code ModuleBoundariesTest} keeps the engine from importing an adapter.
 */
package app.spotter.sync;
