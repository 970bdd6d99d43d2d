package org.revlab.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Renders the report's charts with JFreeChart, headless, from the figures only. Fonts and
 * sizes are chosen for the width the report shows them at (about 900 pixels).
 */
final class Charts {

    static final int WIDTH = 900;
    static final int HEIGHT = 520;
    static final Font TITLE = new Font("DejaVu Sans", Font.BOLD, 18);
    static final Font SUB = new Font("DejaVu Sans", Font.PLAIN, 12);
    static final Font LABEL = new Font("DejaVu Sans", Font.PLAIN, 15);
    static final Font TICK = new Font("DejaVu Sans", Font.PLAIN, 13);
    static final Color[] PALETTE = {new Color(0x2471A3), new Color(0xC0392B),
        new Color(0x229954), new Color(0xD68910), new Color(0x7D3C98), new Color(0x566573)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** A bar chart with error bars (half-width of JMH's confidence interval) and markers. */
    static JFreeChart barsWithErrors(String title, String subtitle, String yLabel,
            DefaultStatisticalCategoryDataset data, List<Marker> markers) {
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.6f));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("strategy"),
                new NumberAxis(yLabel), renderer);
        double top = 0;
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                Number mean = data.getMeanValue(r, c);
                Number sd = data.getStdDevValue(r, c);
                if (mean != null) {
                    top = Math.max(top, mean.doubleValue() + (sd == null ? 0 : sd.doubleValue()));
                }
            }
        }
        for (Marker m : markers) {
            top = Math.max(top, m.value());
        }
        // Error bars are a confidence half-width; a cost below zero means nothing, so cut there.
        plot.getRangeAxis().setRange(0, top * 1.08 + 1e-9);
        boolean left = true;
        for (Marker m : markers) {
            ValueMarker vm = new ValueMarker(m.value(), m.color(), new BasicStroke(2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {8f, 5f}, 0f));
            vm.setLabel(m.label());
            vm.setLabelFont(TICK);
            vm.setLabelPaint(m.color());
            vm.setLabelBackgroundColor(new Color(255, 255, 255, 220));
            // Alternate sides so that two nearby reference lines keep legible labels.
            vm.setLabelAnchor(left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP);
            vm.setLabelTextAnchor(left ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_CENTER);
            left = !left;
            plot.addRangeMarker(vm);
        }
        return finish(new JFreeChart(title, TITLE, plot, data.getRowCount() > 1), subtitle);
    }

    /** A value marker on a chart's range axis. */
    record Marker(double value, String label, Color color) {
    }

    static JFreeChart bars(String title, String subtitle, String xLabel, String yLabel,
            DefaultCategoryDataset data) {
        BarRenderer renderer = new BarRenderer();
        // Values on the bars: a zero window or zero hits must read as zero, not as missing.
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("#,##0.##")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font("DejaVu Sans", Font.PLAIN, 11));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(xLabel),
                new NumberAxis(yLabel), renderer);
        return finish(new JFreeChart(title, TITLE, plot, data.getRowCount() > 1), subtitle);
    }

    /** Database hits/s (x) against the window (y), one point per short TTL, labelled. */
    static JFreeChart frontier(String subtitle, List<Figures.SimRow> rows, double revokeAllLoad) {
        XYSeries worst = new XYSeries("worst window (max)", false, true);
        XYSeries p99 = new XYSeries("p99 window", false, true);
        for (Figures.SimRow r : rows) {
            worst.add(r.hitsPerSecond(), r.windowMax());
            p99.add(r.hitsPerSecond(), r.windowP99());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(worst);
        data.addSeries(p99);
        NumberAxis x = new NumberAxis("database hits per second (two-token)");
        NumberAxis y = new NumberAxis("revocation window (seconds)");
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        for (Figures.SimRow r : rows) {
            org.jfree.chart.annotations.XYTextAnnotation a =
                    new org.jfree.chart.annotations.XYTextAnnotation(
                            "TTL " + Format.num(r.shortTtl()) + " s", r.hitsPerSecond(),
                            r.windowMax());
            a.setFont(TICK);
            a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(a);
        }
        if (Double.isFinite(revokeAllLoad)) {
            ValueMarker vm = new ValueMarker(revokeAllLoad, PALETTE[2], new BasicStroke(2f));
            vm.setLabel("revoke-all: " + Format.num(revokeAllLoad) + " hits/s, window 0");
            vm.setLabelFont(TICK);
            vm.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            vm.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(vm);
            double maxX = rows.stream().mapToDouble(Figures.SimRow::hitsPerSecond).max()
                    .orElse(revokeAllLoad);
            x.setRange(0, Math.max(maxX, revokeAllLoad) * 1.08);
        }
        JFreeChart chart = finish(new JFreeChart("Short-TTL frontier: database load against"
                + " window", TITLE, plot, true), subtitle);
        // The p99 line runs close to the worst one: draw it dashed and on top so both show.
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        renderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        return chart;
    }

    private static JFreeChart finish(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle sub = new TextTitle(subtitle, SUB);
        chart.addSubtitle(sub);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(TICK);
        }
        if (chart.getPlot() instanceof CategoryPlot p) {
            p.getDomainAxis().setLabelFont(LABEL);
            p.getDomainAxis().setTickLabelFont(TICK);
            p.getDomainAxis().setMaximumCategoryLabelLines(2);
            p.getRangeAxis().setLabelFont(LABEL);
            p.getRangeAxis().setTickLabelFont(TICK);
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xBFC5CA));
            if (p.getRenderer() instanceof BarRenderer br) {
                br.setBarPainter(new StandardBarPainter());
                br.setShadowVisible(false);
                br.setItemMargin(0.05);
                for (int i = 0; i < PALETTE.length; i++) {
                    br.setSeriesPaint(i, PALETTE[i]);
                }
            }
        } else if (chart.getPlot() instanceof XYPlot p) {
            p.getDomainAxis().setLabelFont(LABEL);
            p.getDomainAxis().setTickLabelFont(TICK);
            p.getRangeAxis().setLabelFont(LABEL);
            p.getRangeAxis().setTickLabelFont(TICK);
            p.setBackgroundPaint(Color.WHITE);
            p.setDomainGridlinePaint(new Color(0xBFC5CA));
            p.setRangeGridlinePaint(new Color(0xBFC5CA));
            for (int i = 0; i < PALETTE.length; i++) {
                p.getRenderer().setSeriesPaint(i, PALETTE[i + 1 < PALETTE.length ? i + 1 : i]);
                p.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
            }
        }
        return chart;
    }

    /** Writes one chart, or several side by side, as one PNG. */
    static Path write(Path png, JFreeChart... charts) throws IOException {
        int w = charts.length == 1 ? WIDTH : 640;
        BufferedImage img = new BufferedImage(w * charts.length, HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int i = 0; i < charts.length; i++) {
            charts[i].draw(g, new Rectangle2D.Double(i * w, 0, w, HEIGHT));
        }
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
        return png;
    }
}
