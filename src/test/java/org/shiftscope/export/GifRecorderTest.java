package org.shiftscope.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Animated GIFs that slides can use: every frame, its delay, looping forever, written whole or not at all. */
public class GifRecorderTest {

    static BufferedImage solid(Color c) {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        return img;
    }

    /** frames, delay (1/100 s) of the first frame, and whether it loops */
    public record Read(int frames, int delay, boolean loops, int firstRgb, int lastRgb) { }

    public static Read read(Path gif) throws Exception {
        ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            r.setInput(in);
            int n = r.getNumImages(true);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            int delay = Integer.parseInt(((IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension")
                    .item(0)).getAttribute("delayTime"));
            var apps = root.getElementsByTagName("ApplicationExtension");
            boolean loops = apps.getLength() > 0
                    && "NETSCAPE".equals(((IIOMetadataNode) apps.item(0)).getAttribute("applicationID"));
            int first = r.read(0).getRGB(5, 5), last = r.read(n - 1).getRGB(5, 5);
            return new Read(n, delay, loops, first & 0xffffff, last & 0xffffff);
        } finally {
            r.dispose();
        }
    }

    @Test
    void framesDelayAndLoopAreAsAsked(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("anim.gif");
        try (GifRecorder g = new GifRecorder(gif, 5)) {
            g.add(solid(Color.RED));
            g.add(solid(Color.GREEN));
            g.add(solid(Color.BLUE));
            assertFalse(Files.exists(gif), "nothing at the target before the GIF is whole");
        }
        Read r = read(gif);
        assertEquals(3, r.frames());
        assertEquals(20, r.delay(), "5 frames/s = 20 hundredths of a second");
        assertTrue(r.loops());
        assertEquals(0xff0000, r.firstRgb());
        assertEquals(0x0000ff, r.lastRgb());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
        if (Files.getFileStore(gif).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            var perms = Files.getPosixFilePermissions(gif);
            Path plain = Files.createFile(dir.resolve("plain.txt"));
            assertEquals(Files.getPosixFilePermissions(plain), perms, "a new file's usual permissions, not owner-only");
        }
    }

    @Test
    void noFrameWritesNothingAndBadRatesAreRefused(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("empty.gif");
        new GifRecorder(gif, 10).close();
        assertFalse(Files.exists(gif));
        assertThrows(IllegalArgumentException.class, () -> new GifRecorder(dir.resolve("x.gif"), 0));
        assertThrows(IllegalArgumentException.class, () -> new GifRecorder(dir.resolve("x.gif"), 100));
    }
}
