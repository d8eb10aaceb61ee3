package margins.network;

/** What every network's architecture says: the image side it draws and the length of its codes. */
public interface NetConfig {

  /** Image side in pixels. */
  int resolution();

  /** Numbers in a code (the latent). */
  int latent();
}
