package org.revlab.cli.sim;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Renders the tuning frontier from the frontier rows (never from anything the CSV lacks):
 * database hits per second against the worst and the p99 revocation window, one point per
 * short TTL, both axes logarithmic because the TTLs span two orders of magnitude. Headless.
 */
final class FrontierChart {

    private static final Color WORST = new Color(0xC0392B);
    private static final Color P99 = new Color(0x2471A3);
    private static final Color LIMIT = new Color(0x7D3C98);
    private static final Color RECOMMENDED = new Color(0x1E8449);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 220);

    private FrontierChart() {
    }

    static void render(List<TuneCommand.Point> points, Double budget, Double maxWindowSec,
            TuneCommand.Point recommended, String recommendedText, String subtitle, Path png) {
        System.setProperty("java.awt.headless", "true");
        XYSeries worst = new XYSeries("worst window (max)", false, true);
        XYSeries p99 = new XYSeries("p99 window", false, true);
        for (TuneCommand.Point p : points) {
            worst.add(seconds(p.result().windows().maxMs()), p.result().hitsPerSecond());
            p99.add(seconds(p.result().windows().p99Ms()), p.result().hitsPerSecond());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(worst);
        data.addSeries(p99);

        LogAxis x = new RoundLogAxis("revocation window after 'log out everywhere' (seconds, log"
                + " scale)");
        LogAxis y = new RoundLogAxis("database hits per second (log scale)");
        DecimalFormat plain = new DecimalFormat("#,##0.##");
        for (LogAxis axis : new LogAxis[] {x, y}) {
            axis.setMinorTickMarksVisible(true);
            axis.setLabelFont(new Font("DejaVu Sans", Font.PLAIN, 15));
            axis.setTickLabelFont(new Font("DejaVu Sans", Font.PLAIN, 13));
            axis.setSmallestValue(0.01);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, WORST);
        renderer.setSeriesPaint(1, P99);
        renderer.setSeriesStroke(0, new BasicStroke(2.2f));
        renderer.setSeriesStroke(1, new BasicStroke(1.6f, BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 5f}, 0f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));

        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xD5D8DC));
        plot.setRangeGridlinePaint(new Color(0xD5D8DC));
        fitAxes(points, x, y, budget, maxWindowSec);

        Font labelFont = new Font("DejaVu Sans", Font.BOLD, 13);
        for (TuneCommand.Point p : points) {
            double wx = seconds(p.result().windows().maxMs());
            XYTextAnnotation label = new XYTextAnnotation("TTL " + p.label(), wx,
                    p.result().hitsPerSecond());
            label.setFont(labelFont);
            label.setPaint(Color.DARK_GRAY);
            label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            label.setX(wx * 1.06);
            plot.addAnnotation(label);
        }
        if (budget != null) {
            ValueMarker m = new ValueMarker(budget, LIMIT, new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {8f, 4f}, 0f));
            m.setLabel("db budget " + plain.format(budget) + " hits/s");
            m.setLabelFont(labelFont);
            m.setLabelPaint(LIMIT);
            m.setLabelBackgroundColor(LABEL_BACKGROUND);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(m);
        }
        if (maxWindowSec != null) {
            ValueMarker m = new ValueMarker(maxWindowSec, LIMIT, new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {8f, 4f}, 0f));
            m.setLabel("max window " + plain.format(maxWindowSec) + " s");
            m.setLabelFont(labelFont);
            m.setLabelPaint(LIMIT);
            m.setLabelBackgroundColor(LABEL_BACKGROUND);
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(m);
        }
        if (recommended != null) {
            double rx = seconds(recommended.result().windows().maxMs());
            IntervalMarker band = new IntervalMarker(rx / 1.08, rx * 1.08,
                    new Color(0x27, 0xAE, 0x60, 70));
            band.setLabel("recommended");
            band.setLabelFont(labelFont);
            band.setLabelPaint(RECOMMENDED);
            band.setLabelBackgroundColor(LABEL_BACKGROUND);
            band.setLabelAnchor(RectangleAnchor.BOTTOM);
            band.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addDomainMarker(band, Layer.BACKGROUND);
        }

        JFreeChart chart = new JFreeChart("two-token: database load against revocation window,"
                + " one point per short TTL", new Font("DejaVu Sans", Font.BOLD, 18), plot, true);
        chart.addSubtitle(new TextTitle(subtitle, new Font("DejaVu Sans", Font.PLAIN, 13)));
        if (recommended != null) {
            TextTitle rec = new TextTitle(recommendedText, new Font("DejaVu Sans", Font.BOLD, 14));
            rec.setPaint(RECOMMENDED);
            chart.addSubtitle(rec);
        }
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(new Font("DejaVu Sans", Font.PLAIN, 14));
        try {
            ChartUtils.saveChartAsPNG(png.toFile(), chart, 1200, 750);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + png + ": " + e.getMessage(), e);
        }
    }

    /** Ranges with room for the labels, including the budget and window limits. */
    private static void fitAxes(List<TuneCommand.Point> points, LogAxis x, LogAxis y,
            Double budget, Double maxWindowSec) {
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        for (TuneCommand.Point p : points) {
            minX = Math.min(minX, seconds(p.result().windows().p99Ms()));
            maxX = Math.max(maxX, seconds(p.result().windows().maxMs()));
            minY = Math.min(minY, Math.max(0.01, p.result().hitsPerSecond()));
            maxY = Math.max(maxY, p.result().hitsPerSecond());
        }
        if (budget != null) {
            minY = Math.min(minY, budget);
            maxY = Math.max(maxY, budget);
        }
        if (maxWindowSec != null) {
            minX = Math.min(minX, maxWindowSec);
            maxX = Math.max(maxX, maxWindowSec);
        }
        x.setRange(Math.max(0.01, minX / 1.6), maxX * 2.2);
        y.setRange(Math.max(0.01, minY / 1.8), maxY * 1.8);
    }

    /**
     * A log axis labelled at 1, 2 and 5 times powers of ten: JFreeChart's own log axis puts
     * its ticks at fractional powers (3.98, 6.31, …), which nobody can read off.
     */
    static final class RoundLogAxis extends LogAxis {
        private static final long serialVersionUID = 1L;
        private static final DecimalFormat LABEL = new DecimalFormat("#,##0.##");

        RoundLogAxis(String label) {
            super(label);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea,
                RectangleEdge edge) {
            // RectangleEdge is a class of constants, not an enum.
            TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
                    : edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER
                    : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT
                    : TextAnchor.CENTER_LEFT;
            List<ValueTick> ticks = new ArrayList<>();
            double lo = getLowerBound();
            double hi = getUpperBound();
            for (int e = (int) Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
                for (int m = 1; m <= 9; m++) {
                    double v = m * Math.pow(10, e);
                    if (v < lo || v > hi) {
                        continue;
                    }
                    boolean major = m == 1 || m == 2 || m == 5;
                    ticks.add(new NumberTick(major ? TickType.MAJOR : TickType.MINOR, v,
                            major ? LABEL.format(v) : "", anchor, anchor, 0));
                }
            }
            return ticks;
        }
    }

    private static double seconds(long ms) {
        return Math.max(0.01, ms / 1000.0);
    }
}
