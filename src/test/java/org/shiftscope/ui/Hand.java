package org.shiftscope.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;

/**
 * A person's hand on the window, for robot tests: real mouse and key events through JavaFX's {@link Robot}
 * (Monocle's headless screen in tests), each action (a click, a drag, keys, typing into a field) done in one go
 * on the FX thread, so it costs a round trip instead of TestFX's animated moves and repeated waits. A hand from
 * {@link #create()} then waits until the FX thread has handled the action's events; one from {@link #quick()}
 * does not (and may then also be used on the FX thread itself, several actions in one go).
 */
final class Hand {
    private final Robot robot;
    /** whether each action waits until the FX thread handled its events (else the next call on it does) */
    private final boolean waits;

    private Hand(Robot robot, boolean waits) {
        this.robot = robot;
        this.waits = waits;
    }

    /** a hand for the current screen (made on the FX thread) whose every action waits for its events */
    static Hand create() {
        return new Hand(fx(Robot::new), true);
    }

    /**
     * A quick hand: its actions return once their events are queued. Events and later {@link #fx} calls run on
     * the FX thread in the order they were queued, so the next {@code fx} call sees the action's effect.
     */
    static Hand quick() {
        return new Hand(fx(Robot::new), false);
    }

    private void done() {
        if (waits) sync();
    }

    /** Runs code on the FX thread and returns its result; an exception there is thrown here. */
    static <T> T fx(Callable<T> c) {
        if (Platform.isFxApplicationThread()) {
            try {
                return c.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        var f = new java.util.concurrent.CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer within 30 s", e);
        }
    }

    /** Runs code on the FX thread and waits for it. */
    static void run(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until the FX thread has handled everything queued so far (events from the robot included). */
    static void sync() {
        for (int i = 0; i < 2; i++) {
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(done::countDown);
            try {
                if (!done.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the FX thread is stuck");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits for n screen frames (pulses): the window's frame loop has then read the trainer's latest news. */
    static void pulses(int n) {
        CountDownLatch left = new CountDownLatch(n);
        run(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                left.countDown();
                if (left.getCount() == 0) stop();
            }
        }.start());
        try {
            if (!left.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("no frame within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- where

    /** a node's centre on the screen */
    static Point2D centre(Node n) {
        return fx(() -> {
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
    }

    /** a point inside a node, at fractions of its width and height */
    static Point2D at(Node n, double fx, double fy) {
        return fx(() -> {
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            return new Point2D(b.getMinX() + b.getWidth() * fx, b.getMinY() + b.getHeight() * fy);
        });
    }

    // ---------------------------------------------------------------- mouse

    /** Clicks the middle of a node. */
    void click(Node n) {
        click(centre(n));
    }

    /** Clicks a point on the screen. */
    void click(Point2D p) {
        run(() -> clickNow(p));
        done();
    }

    private void clickNow(Point2D p) {
        robot.mouseMove(p.getX(), p.getY());
        robot.mousePress(MouseButton.PRIMARY);
        robot.mouseRelease(MouseButton.PRIMARY);
    }

    /** Moves the mouse over a node without pressing (menus open their submenus so). */
    void hover(Node n) {
        Point2D p = centre(n);
        run(() -> robot.mouseMove(p.getX(), p.getY()));
        done();
    }

    /** Presses at one point, moves to another in a few steps (a drag), and releases there. */
    void drag(Point2D from, Point2D to) {
        run(() -> {
            robot.mouseMove(from.getX(), from.getY());
            robot.mousePress(MouseButton.PRIMARY);
            for (int i = 1; i <= 4; i++) {
                double f = i / 4.0;
                robot.mouseMove(from.getX() + (to.getX() - from.getX()) * f,
                        from.getY() + (to.getY() - from.getY()) * f);
            }
            robot.mouseRelease(MouseButton.PRIMARY);
        });
        done();
    }

    // ---------------------------------------------------------------- keyboard

    /** Presses and releases keys one after another (to the focused control). */
    void key(KeyCode... codes) {
        run(() -> keysNow(codes));
        done();
    }

    private void keysNow(KeyCode... codes) {
        for (KeyCode c : codes) {
            robot.keyPress(c);
            robot.keyRelease(c);
        }
    }

    /** A key with a modifier held, e.g. Ctrl+A. */
    void chord(KeyCode modifier, KeyCode code) {
        run(() -> chordNow(modifier, code));
        done();
    }

    private void chordNow(KeyCode modifier, KeyCode code) {
        robot.keyPress(modifier);
        robot.keyPress(code);
        robot.keyRelease(code);
        robot.keyRelease(modifier);
    }

    /** Types text as key strokes: digits, letters, '.', '-', '+', ',' and spaces. */
    void type(String text) {
        run(() -> typeNow(text));
        done();
    }

    private void typeNow(String text) {
        for (char ch : text.toCharArray()) {
            boolean shift = Character.isUpperCase(ch) || ch == '+';
            KeyCode c = code(ch);
            if (shift) robot.keyPress(KeyCode.SHIFT);
            robot.keyPress(c);
            robot.keyRelease(c);
            if (shift) robot.keyRelease(KeyCode.SHIFT);
        }
    }

    /** Clicks into a text field, selects what it holds, types text over it, and presses Enter (or not). */
    void typeInto(Node field, String text, boolean enter) {
        Point2D p = centre(field);
        run(() -> {
            clickNow(p);
            chordNow(KeyCode.CONTROL, KeyCode.A);
            keysNow(KeyCode.BACK_SPACE);
            typeNow(text);
            if (enter) keysNow(KeyCode.ENTER);
        });
        done();
    }

    private static KeyCode code(char ch) {
        if (ch >= '0' && ch <= '9') return KeyCode.valueOf("DIGIT" + ch);
        if (Character.isLetter(ch)) return KeyCode.valueOf(String.valueOf(Character.toUpperCase(ch)));
        return switch (ch) {
            case '.' -> KeyCode.PERIOD;
            case '-' -> KeyCode.MINUS;
            case '+' -> KeyCode.EQUALS;
            case ',' -> KeyCode.COMMA;
            case ' ' -> KeyCode.SPACE;
            default -> throw new IllegalArgumentException("cannot type '" + ch + "'");
        };
    }
}
