package org.shiftscope.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import javax.imageio.event.IIOWriteProgressListener;
import org.shiftscope.io.AtomicFile;

/**
 * Renders a node to a PNG at 1×, 2× or 3× with a caption line saying how the figure was made: the picture is taken
 * on the FX thread ({@link #render}), encoded and written on any ({@link #write(WritableImage, String, Path)}).
 */
public final class PngExporter {
    private PngExporter() {}

    /** The node at {@code scale}, with the caption in a strip underneath. */
    public static WritableImage render(Node node, int scale, String caption) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        p.setFill(Color.WHITE);
        WritableImage body = node.snapshot(p, null);
        Font font = Font.font("System", 12 * scale);
        java.util.List<String> lines = wrap(caption, font, body.getWidth() - 16 * scale);
        double lineH = 16 * scale, strip = lines.size() * lineH + 10 * scale;
        Canvas c = new Canvas(body.getWidth(), body.getHeight() + strip);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, c.getWidth(), c.getHeight());
        g.drawImage(body, 0, 0);
        g.setFill(Color.web("#333"));
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), 8 * scale, body.getHeight() + 5 * scale + i * lineH);
        }
        return c.snapshot(null, null);
    }

    /** Breaks a " · "-separated caption into lines that fit the width. */
    static java.util.List<String> wrap(String caption, Font font, double width) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(font);
        java.util.List<String> lines = new java.util.ArrayList<>();
        String line = "";
        for (String part : caption.split(" · ")) {
            String next = line.isEmpty() ? part : line + " · " + part;
            probe.setText(next);
            if (!line.isEmpty() && probe.getLayoutBounds().getWidth() > width) {
                lines.add(line);
                line = part;
            } else {
                line = next;
            }
        }
        if (!line.isEmpty()) lines.add(line);
        return lines;
    }

    /** Renders and writes a PNG (FX thread); the folder is created if needed. */
    public static void write(Node node, int scale, String caption, Path file) throws IOException {
        if (scale < 1 || scale > 3) throw new IllegalArgumentException("scale must be 1, 2 or 3, got " + scale);
        write(render(node, scale, caption), caption, file);
    }

    /** the PNG text key under which the caption is stored */
    private static final String CAPTION_KEY = "Description";
    private static final String PNG_FORMAT = "javax_imageio_png_1.0";

    /**
     * Writes an image rendered before as a PNG, whole or not at all, with its caption (when not null) also stored
     * as the file's UTF-8 "Description" text, so the words drawn under the picture can be read back
     * ({@link #caption(Path)}). Any thread: the picture was taken on the FX thread.
     */
    public static void write(WritableImage img, String caption, Path file) throws IOException {
        write(img, caption, file, done -> { });
    }

    /** {@link #write(WritableImage, String, Path)}, telling {@code progress} the share encoded so far (0 to 1). */
    public static void write(WritableImage img, String caption, Path file, DoubleConsumer progress)
            throws IOException {
        byte[] png = encode(SwingFXUtils.fromFXImage(img, null), caption, progress);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        AtomicFile.write(file, png);
    }

    /** A PNG's bytes, with the caption (when not null) as its "Description" text. */
    private static byte[] encode(BufferedImage bi, String caption, DoubleConsumer progress) throws IOException {
        var writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) throw new IOException("no PNG writer available");
        javax.imageio.ImageWriter w = writers.next();
        var out = new java.io.ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            var param = w.getDefaultWriteParam();
            var meta = w.getDefaultImageMetadata(javax.imageio.ImageTypeSpecifier.createFromRenderedImage(bi), param);
            if (caption != null) {
                var entry = new javax.imageio.metadata.IIOMetadataNode("iTXtEntry");
                entry.setAttribute("keyword", CAPTION_KEY);
                entry.setAttribute("compressionFlag", "FALSE");
                entry.setAttribute("compressionMethod", "0");
                entry.setAttribute("languageTag", "");
                entry.setAttribute("translatedKeyword", "");
                entry.setAttribute("text", caption);
                var itxt = new javax.imageio.metadata.IIOMetadataNode("iTXt");
                itxt.appendChild(entry);
                var root = new javax.imageio.metadata.IIOMetadataNode(PNG_FORMAT);
                root.appendChild(itxt);
                meta.mergeTree(PNG_FORMAT, root);
            }
            w.addIIOWriteProgressListener(new IIOWriteProgressListener() {
                @Override public void imageStarted(javax.imageio.ImageWriter source, int imageIndex) { }
                @Override public void imageProgress(javax.imageio.ImageWriter source, float percentageDone) {
                    progress.accept(percentageDone / 100.0);
                }
                @Override public void imageComplete(javax.imageio.ImageWriter source) { }
                @Override public void thumbnailStarted(javax.imageio.ImageWriter source, int imageIndex,
                                                       int thumbnailIndex) { }
                @Override public void thumbnailProgress(javax.imageio.ImageWriter source, float percentageDone) { }
                @Override public void thumbnailComplete(javax.imageio.ImageWriter source) { }
                @Override public void writeAborted(javax.imageio.ImageWriter source) { }
            });
            w.setOutput(stream);
            w.write(null, new javax.imageio.IIOImage(bi, null, meta), param);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    /** The caption stored in a PNG written by {@link #write(WritableImage, String, Path)}, or null if none. */
    public static String caption(Path file) throws IOException {
        try (var in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) return null;
            javax.imageio.ImageReader r = readers.next();
            try {
                r.setInput(in);
                var root = (org.w3c.dom.Element) r.getImageMetadata(0).getAsTree(PNG_FORMAT);
                var entries = root.getElementsByTagName("iTXtEntry");
                for (int i = 0; i < entries.getLength(); i++) {
                    var e = (org.w3c.dom.Element) entries.item(i);
                    if (CAPTION_KEY.equals(e.getAttribute("keyword"))) return e.getAttribute("text");
                }
                return null;
            } finally {
                r.dispose();
            }
        }
    }

    /** A file name that says what the image is, e.g. {@code shiftscope-default-step1200-dashboard@2x.png}. */
    public static String fileName(String scenario, long step, String what, int scale) {
        String safe = scenario.replaceAll("[^A-Za-z0-9._-]+", "-");
        return "shiftscope-" + safe + "-step" + step + "-" + what + "@" + scale + "x.png";
    }
}
