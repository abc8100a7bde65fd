package org.shiftscope.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.shiftscope.lesson.Lesson;

/**
 * The open lesson's card above the charts: what to look at, what to try, what will happen and why, a button
 * that makes the suggested change, and — once the lesson reaches its end step — what this run showed, in its own
 * numbers. It folds to its title line so the charts get the space (the end-of-lesson words open it again).
 * Bound to the
 * {@link ScenarioModel}.
 */
final class LessonCard extends VBox {
    final Label title = new Label();
    /** how long the lesson plays and where it ends, beside the title while the card is open */
    final Label when = new Label();
    final Button action = new Button();
    final Button fold = new Button("▴");
    final Button close = new Button("✕");
    /** "what you just saw": shown once the lesson reached its end */
    final Label summary = new Label();
    /** what happens if the class keeps playing */
    final Label next = new Label();
    private final VBox summaryBox = new VBox(2);
    private final VBox body = new VBox(6);
    /** the "Look at" line, kept when the card is folded */
    private final VBox look = new VBox();
    private boolean folded;
    /** whether the user folded or unfolded this lesson's card (then it is not folded for them) */
    private boolean userChose;

    LessonCard(ScenarioModel m) {
        super(6);
        setId("lessonCard");
        getStyleClass().add("lesson-card");
        title.getStyleClass().add("lesson-title");
        action.setId("lessonAction");
        action.getStyleClass().add("lesson-action");
        action.setOnAction(e -> m.applyLessonAction());
        fold.setId("lessonFold");
        SettingControls.tip(fold, "Fold the lesson to one line so the charts get the space (Ctrl+L), or unfold it.");
        fold.setOnAction(e -> toggleByUser());
        close.setId("lessonClose");
        SettingControls.tip(close, "Close the lesson (the settings stay).");
        close.setOnAction(e -> m.closeLesson());
        summary.setId("lessonSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.getStyleClass().add("lesson-text");
        next.setId("lessonNext");
        next.setWrapText(true);
        next.setMinHeight(Region.USE_PREF_SIZE);
        next.getStyleClass().add("lesson-text");
        Label head = new Label("What you just saw");
        head.getStyleClass().add("lesson-head");
        summaryBox.getChildren().setAll(head, summary, next);
        summaryBox.getStyleClass().add("lesson-summary");
        when.getStyleClass().add("lesson-when");
        for (Label l : new Label[] {title, when}) { // long words take a second line rather than being cut
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMinWidth(0);
        }
        title.setMinWidth(Region.USE_PREF_SIZE);
        when.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(when, Priority.ALWAYS);
        HBox top = new HBox(14, title, when, fold, close);
        top.setAlignment(Pos.BASELINE_LEFT);
        getChildren().setAll(top, look, summaryBox, body);
        m.lessonProperty().addListener((o, a, l) -> show(l));
        m.lessonSummaryProperty().addListener((o, a, s) -> showSummary(s));
        show(m.lessonProperty().get());
        showSummary(m.lessonSummaryProperty().get());
    }

    private void show(Lesson l) {
        setVisible(l != null);
        setManaged(l != null);
        if (l == null) return;
        title.setText(l.heading());
        when.setText(String.format(java.util.Locale.ROOT, "about %.0f s, to step %,d", l.seconds(), l.end()));
        SettingControls.tip(title, "Look at: " + l.look());
        next.setText(l.next());
        next.setVisible(!l.next().isBlank());
        next.setManaged(!l.next().isBlank());
        action.setText("Try it: " + l.actionLabel());
        action.setVisible(!l.actionKey().isBlank());
        look.getChildren().setAll(paragraph("Look at", l.look()));
        body.getChildren().setAll(paragraph("Try", l.move()), paragraph("What happens", l.expect()),
                paragraph("Why", l.why()), action);
        setFolded(false);
        userChose = false;
    }

    private void showSummary(String text) {
        summary.setText(text);
        if (!text.isEmpty() && folded && !userChose) folded = false; // the lesson's end: what it showed is the point
        setFolded(folded);
    }

    /** Folds the card to its title line, or unfolds it. */
    void setFolded(boolean f) {
        folded = f;
        for (Node n : new Node[] {body, look, when, summaryBox}) {
            boolean on = !f && (n != summaryBox || !summary.getText().isEmpty());
            n.setVisible(on);
            n.setManaged(on);
        }
        fold.setText(f ? "▾" : "▴");
    }

    boolean folded() {
        return folded;
    }

    /** Folds or unfolds as the user asked (▴/▾, Ctrl+L): the window then leaves the card as it is. */
    void toggleByUser() {
        userChose = true;
        setFolded(!folded);
    }

    boolean userChose() {
        return userChose;
    }

    private static Node paragraph(String head, String text) {
        Label h = new Label(head) { // a column of about 8.4 letters, wider for a longer head: never cut
            @Override
            protected double computePrefWidth(double height) {
                return Math.max(super.computePrefWidth(height), 8.4 * getFont().getSize());
            }
        };
        h.getStyleClass().add("lesson-head");
        h.setMinWidth(Region.USE_PREF_SIZE);
        Label t = new Label(text);
        t.setWrapText(true);
        t.setMinHeight(Region.USE_PREF_SIZE); // wrap onto more lines instead of cutting the text short
        t.setMinWidth(0);
        t.setMaxWidth(Double.MAX_VALUE);
        t.getStyleClass().add("lesson-text");
        HBox.setHgrow(t, Priority.ALWAYS);
        return new HBox(8, h, t);
    }
}
