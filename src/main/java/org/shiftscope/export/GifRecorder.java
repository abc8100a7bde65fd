package org.shiftscope.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.shiftscope.io.AtomicFile;

/**
 * Writes an animated GIF frame by frame with the JDK's own GIF writer (no extra library): every frame shows for
 * the same time and the animation loops forever, as slides expect. Frames go to a temporary file as they come
 * ({@link AtomicFile}), so a long recording needs no memory for its frames; {@link #close()} moves the finished
 * file into place, so a reader never sees half a GIF. One thread at a time.
 */
public final class GifRecorder implements AutoCloseable {
    /** the GIF being written */
    private final AtomicFile file;
    /** the GIF writer of the JDK */
    private final ImageWriter writer;
    /** the bytes on their way to the file, handed on after each frame */
    private final MemoryCacheImageOutputStream out;
    /** hundredths of a second per frame (GIF's unit) */
    private final int delay;
    private int frames;

    /**
     * @param file            the GIF to write
     * @param framesPerSecond how fast the animation plays, 1–50
     */
    public GifRecorder(Path file, double framesPerSecond) throws IOException {
        if (!(framesPerSecond >= 1 && framesPerSecond <= 50)) {
            throw new IllegalArgumentException("frames per second must be from 1 to 50, got " + framesPerSecond);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
        if (!it.hasNext()) throw new IOException("this Java has no GIF writer");
        this.file = AtomicFile.create(file);
        writer = it.next();
        out = new MemoryCacheImageOutputStream(this.file.stream());
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
        delay = (int) Math.max(2, Math.round(100 / framesPerSecond));
    }

    /** Appends one frame (any size; GIF keeps each frame's own). */
    public void add(BufferedImage frame) throws IOException {
        BufferedImage rgb = frame.getType() == BufferedImage.TYPE_INT_RGB ? frame : toRgb(frame);
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), param);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delay));
        control.setAttribute("transparentColorIndex", "0");
        if (frames == 0) { // NETSCAPE2.0: loop forever
            IIOMetadataNode app = child(child(root, "ApplicationExtensions"), "ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
        }
        meta.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(rgb, null, meta), param);
        out.flushBefore(out.getStreamPosition()); // the frame's bytes go to the file, not into memory
        frames++;
    }

    /** frames written so far */
    public int frames() {
        return frames;
    }

    /** Finishes the GIF and moves it into place; with no frame, nothing is written and the target is untouched. */
    @Override
    public void close() throws IOException {
        try (file) {
            if (frames > 0) {
                writer.endWriteSequence();
                out.close();
                file.commit();
            }
        } finally {
            writer.dispose();
        }
    }

    /** Stops without a file: the frames so far are thrown away and the target is untouched. */
    public void abandon() {
        writer.dispose();
        file.close();
    }

    private static BufferedImage toRgb(BufferedImage src) {
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** the named child of a metadata node, made when missing */
    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) parent.item(i);
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        parent.appendChild(n);
        return n;
    }
}
