package dev.atoll.diff.dir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Reads image headers and makes thumbnails with {@code javax.imageio} (PNG, JPEG, GIF, BMP, TIFF,
 * WBMP in the JDK). Dimensions come from the header alone; a thumbnail decodes the image, subsampled
 * so that a large photo is never held at full size.
 */
final class ImageProbe {
    static final int THUMBNAIL_SIZE = 96;
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "wbmp");

    private ImageProbe() {
    }

    static boolean isImage(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The image's dimensions, and a thumbnail if asked; throws IOException naming the problem when it is not a readable image. */
    static ImageInfo probe(TreeFile file, boolean thumbnail) throws IOException {
        try (InputStream in = file.open(); ImageInputStream images = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(images);
            if (!readers.hasNext()) {
                throw new IOException("no image reader recognises its bytes");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(images, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                return new ImageInfo(width, height, format, thumbnail ? thumbnail(reader, width, height) : null);
            } finally {
                reader.dispose();
            }
        }
    }

    private static String thumbnail(ImageReader reader, int width, int height) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(width, height) / (THUMBNAIL_SIZE * 2));
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage source = reader.read(0, param);
        double scale = Math.min(1.0, (double) THUMBNAIL_SIZE / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(small, "png", png);
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
