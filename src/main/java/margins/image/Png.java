package margins.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import margins.Files2;
import margins.MarginsException;
import org.w3c.dom.NodeList;

/** PNG files with one text chunk (iTXt, UTF-8) holding a keyword's value, such as an image's recipe. */
public final class Png {

  private static final String FORMAT = "javax_imageio_png_1.0";

  private Png() {}

  /** Encodes the image with the text chunk; the same pixels and text always give the same bytes. */
  public static byte[] encode(BufferedImage img, String keyword, String text) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
      if (keyword != null) {
        IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
        entry.setAttribute("keyword", keyword);
        entry.setAttribute("compressionFlag", "FALSE");
        entry.setAttribute("compressionMethod", "0");
        entry.setAttribute("languageTag", "");
        entry.setAttribute("translatedKeyword", "");
        entry.setAttribute("text", text);
        IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
        itxt.appendChild(entry);
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        root.appendChild(itxt);
        meta.mergeTree(FORMAT, root);
      }
      writer.write(new IIOImage(img, null, meta));
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  /** Writes atomically; returns the bytes written. */
  public static byte[] write(Path file, BufferedImage img, String keyword, String text) {
    byte[] bytes = encode(img, keyword, text);
    Files2.writeAtomic(file, bytes);
    return bytes;
  }

  public static void write(Path file, BufferedImage img) {
    write(file, img, null, null);
  }

  public static BufferedImage read(Path file) {
    try {
      BufferedImage img = ImageIO.read(file.toFile());
      if (img == null) {
        throw new MarginsException(file + " is not an image ImageIO can read");
      }
      return img;
    } catch (IOException e) {
      throw new MarginsException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The text stored under the keyword, if the file is a PNG that has it. */
  public static Optional<String> text(Path file, String keyword) {
    if (!Files.isRegularFile(file)) {
      throw new MarginsException(file + " is not a file");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new MarginsException(file + " is not an image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        if (!reader.getFormatName().equalsIgnoreCase("png")) {
          return Optional.empty();
        }
        IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(FORMAT);
        NodeList entries = root.getElementsByTagName("iTXtEntry");
        for (int i = 0; i < entries.getLength(); i++) {
          IIOMetadataNode e = (IIOMetadataNode) entries.item(i);
          if (keyword.equals(e.getAttribute("keyword"))) {
            return Optional.of(e.getAttribute("text"));
          }
        }
        return Optional.empty();
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new MarginsException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
