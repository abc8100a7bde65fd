package org.shiftscope.ui;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.shiftscope.stats.History;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.Scenario;

/**
 * The part of the view model about a scenario's variants on screen: which one the panel edits (and so what its
 * controls show, and which one the step inspector follows), and which ones the charts hide. Read-only properties
 * and commands, like {@link ScenarioModel}, which owns it; FX thread only.
 */
public final class VariantSelection {
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<Scenario> edited = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper shownRuns = new ReadOnlyIntegerWrapper();
    /** runs hidden from the charts */
    private final Set<String> hiddenRuns = new LinkedHashSet<>();
    private final ReadOnlyObjectProperty<Scenario> scenario;
    private final Trainer trainer;
    private final History history;

    VariantSelection(ReadOnlyObjectProperty<Scenario> scenario, Trainer trainer, History history) {
        this.scenario = scenario;
        this.trainer = trainer;
        this.history = history;
        scenario.addListener((o, a, sc) -> {
            // the same variant stays selected while it exists (by name), else the first
            int i = selected.get();
            int same = a != null && i >= 0 && i < a.runCount() ? sc.runIndex(a.runName(i)) : -1;
            selected.set(sc.variants().isEmpty() ? -1 : Math.max(0, same));
            edited.set(selected.get() < 0 ? sc : sc.run(selected.get()));
            for (String r : List.copyOf(hiddenRuns)) if (sc.runIndex(r) < 0) show(r, true);
        });
        selected.addListener((o, a, i) -> {
            edited.set(i.intValue() < 0 ? scenario.get() : scenario.get().run(i.intValue()));
            followInInspector();
        });
    }

    /** the variant the panel edits (its index), or -1 when there are none */
    public ReadOnlyIntegerProperty selectedProperty() { return selected.getReadOnlyProperty(); }

    /**
     * What the panel's controls show and move: the selected variant's settings (the shared ones with its own), or
     * the scenario's when it has no variants.
     */
    public ReadOnlyObjectProperty<Scenario> editedProperty() { return edited.getReadOnlyProperty(); }

    public Scenario edited() {
        return edited.get();
    }

    /** bumped when a run is hidden or shown again: the charts redraw */
    public ReadOnlyIntegerProperty shownRunsProperty() { return shownRuns.getReadOnlyProperty(); }

    /** Picks the variant the panel edits. */
    public void select(int variant) {
        if (variant >= 0 && variant < scenario.get().variants().size()) selected.set(variant);
    }

    /** Hides a run from every chart and exported picture, or shows it again (its data are still recorded). */
    public void show(String run, boolean show) {
        if (show ? !hiddenRuns.remove(run) : !hiddenRuns.add(run)) return;
        history.setHidden(run, !show);
        shownRuns.set(shownRuns.get() + 1);
    }

    /** the runs hidden from the charts */
    public Set<String> hiddenRuns() {
        return Collections.unmodifiableSet(hiddenRuns);
    }

    /** The step inspector shows the variant being edited (also in a new session). */
    void followInInspector() {
        int i = selected.get();
        Scenario s = scenario.get();
        String name = i < 0 || i >= s.runCount() ? null : s.runName(i);
        trainer.post(x -> x.setInspectedRun(name));
    }
}
