import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The summary chart of bench/run-all: one bar per benchmark, its measured/floor ratio (or value/target) normalised
 * so that the target is the line at 1.0, green when met and red when not. Headless java.awt + ImageIO, no dependency.
 *
 * <p>Usage: {@code java -Djava.awt.headless=true bench/lib/Chart.java bench/results/results.csv bench/results/summary.png}
 * <br>The CSV: {@code benchmark,measured,floor,ratio,target,met,score} where score = how far to the target
 * (≥ 1 met; for "higher is better" ratio/target, for "lower is better" target/value).
 */
public class Chart {

    public static void main(String[] args) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0])).subList(1, Files.readAllLines(Path.of(args[0])).size())) {
            if (!line.isBlank()) {
                rows.add(parse(line));
            }
        }
        int rowHeight = 34;
        int width = 1300;
        int left = 330;
        int right = 400;
        int top = 60;
        int height = top + rows.size() * rowHeight + 50;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Tracklane benchmarks: distance to target (1.0 = target; longer is better)", 20, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("noisy shared 2-core machine; every ratio against a floor measured in the same run", 20, 46);
        double max = 2.0;
        for (String[] r : rows) {
            max = Math.max(max, Math.min(4.0, score(r)));
        }
        int plot = width - left - right;
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            int y = top + i * rowHeight;
            double s = Math.min(4.0, Math.max(0, score(r)));
            boolean met = "yes".equalsIgnoreCase(r[5]) || "met".equalsIgnoreCase(r[5]);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(r[0], 20, y + 21);
            g.setColor(Double.isNaN(score(r)) ? Color.LIGHT_GRAY : met ? new Color(46, 139, 87) : new Color(200, 60, 50));
            g.fillRect(left, y + 6, (int) (plot * (Double.isNaN(s) ? 0 : s) / max), rowHeight - 12);
            g.setColor(Color.DARK_GRAY);
            g.drawString(r[1] + (r[3].isEmpty() ? "" : "  (" + r[3] + ")") + "  target " + r[4], left + plot + 10, y + 21);
        }
        int x1 = left + (int) (plot / max);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.drawLine(x1, top, x1, top + rows.size() * rowHeight);
        g.drawString("target", x1 - 18, top + rows.size() * rowHeight + 18);
        g.dispose();
        ImageIO.write(image, "png", new File(args[1]));
    }

    static double score(String[] r) {
        try {
            return Double.parseDouble(r[6]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A CSV line with optional double quotes. */
    static String[] parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        while (out.size() < 7) {
            out.add("");
        }
        return out.toArray(String[]::new);
    }
}
