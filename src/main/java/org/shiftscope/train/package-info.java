/**
 * Training: sessions, the trainer thread, and scenarios.
 *
 * <h2>Thread contract</h2>
 * <ul>
 *   <li>The trainer thread ({@link org.shiftscope.train.Trainer}) owns the {@link org.shiftscope.train.Session},
 *       its networks and every EJML matrix. Nothing else reads or writes them.</li>
 *   <li>The UI changes training only by sending commands ({@code Trainer.post(session -> ...)}, play, pause,
 *       step, reset, rebuild); they queue and are applied between two steps, in the order sent.</li>
 *   <li>The UI reads only immutable records: {@link org.shiftscope.train.Status},
 *       {@link org.shiftscope.train.Boundary}, {@code Trainer.Events} (the settings changed during the run, as
 *       immutable {@link org.shiftscope.stats.Event}s) and the step inspector's
 *       {@link org.shiftscope.stats.Inspection} (built only while it is open) through atomic references, and
 *       {@link org.shiftscope.stats.Snapshot}s drained once per frame from a bounded queue (an
 *       {@code AnimationTimer} pulls them; the trainer never calls {@code Platform.runLater}).</li>
 *   <li>A change of a setting the {@link org.shiftscope.train.scenario.Settings} table marks REBUILD (shape,
 *       data, seed, initial weights) builds a new session; a LIVE one is applied to the running session
 *       ({@code Session.apply}) between two steps without losing the weights.</li>
 * </ul>
 */
package org.shiftscope.train;
