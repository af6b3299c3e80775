//! A small typed layer for the report's inline SVG charts: a few shapes written through maud,
//! so that every label is escaped, and drawn in black, white and grey only, so that a chart
//! reads on a black-and-white printout (series are told apart by fill, dashes and labels).

use maud::{Markup, Render, html};

/// How a shape is filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// White inside a black outline.
    Hollow,
    /// Solid dark grey with a black outline.
    Solid,
    /// Light grey with a black outline.
    Light,
}

impl Fill {
    fn colour(self) -> &'static str {
        match self {
            Fill::Hollow => "#fff",
            Fill::Solid => "#444",
            Fill::Light => "#ccc",
        }
    }
}

/// Where a text is anchored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Its left end at x.
    Start,
    /// Its middle at x.
    Middle,
    /// Its right end at x.
    End,
}

impl Anchor {
    fn name(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One shape of a chart.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A line from (x1, y1) to (x2, y2); `dashed` for guides.
    Line {
        /// Start x.
        x1: f64,
        /// Start y.
        y1: f64,
        /// End x.
        x2: f64,
        /// End y.
        y2: f64,
        /// Stroke width.
        width: f64,
        /// Drawn dashed.
        dashed: bool,
    },
    /// A rectangle.
    Rect {
        /// Left.
        x: f64,
        /// Top.
        y: f64,
        /// Width.
        w: f64,
        /// Height.
        h: f64,
        /// Its fill.
        fill: Fill,
    },
    /// A circle (a marker).
    Circle {
        /// Centre x.
        cx: f64,
        /// Centre y.
        cy: f64,
        /// Radius.
        r: f64,
        /// Its fill.
        fill: Fill,
    },
    /// A text label.
    Text {
        /// Anchor x.
        x: f64,
        /// Baseline y.
        y: f64,
        /// How it is anchored.
        anchor: Anchor,
        /// The text (escaped when written).
        text: String,
    },
}

/// A chart: a size, a title read by screen readers and the shapes, in drawing order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chart {
    /// Width in user units (the chart scales to the page's width).
    pub width: f64,
    /// Height in user units.
    pub height: f64,
    /// What the chart shows, in words.
    pub title: String,
    /// The shapes.
    pub shapes: Vec<Shape>,
}

/// A coordinate with one decimal, as SVG attributes take it (never `-0.0`).
fn c(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    format!("{:.1}", (x * 10.0).round() / 10.0 + 0.0)
}

impl Chart {
    /// An empty chart of this size.
    pub fn new(width: f64, height: f64, title: &str) -> Chart {
        Chart {
            width,
            height,
            title: title.to_string(),
            shapes: Vec::new(),
        }
    }

    /// Adds a shape.
    pub fn push(&mut self, shape: Shape) {
        self.shapes.push(shape);
    }

    /// Adds a solid line.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, width: f64) {
        self.push(Shape::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            dashed: false,
        });
    }

    /// Adds a dashed guide line.
    pub fn guide(&mut self, x1: f64, y1: f64, x2: f64, y2: f64) {
        self.push(Shape::Line {
            x1,
            y1,
            x2,
            y2,
            width: 0.8,
            dashed: true,
        });
    }

    /// Adds a rectangle, from any two opposite corners.
    pub fn rect(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, fill: Fill) {
        self.push(Shape::Rect {
            x: x1.min(x2),
            y: y1.min(y2),
            w: (x2 - x1).abs(),
            h: (y2 - y1).abs(),
            fill,
        });
    }

    /// Adds a label.
    pub fn text(&mut self, x: f64, y: f64, anchor: Anchor, text: impl Into<String>) {
        self.push(Shape::Text {
            x,
            y,
            anchor,
            text: text.into(),
        });
    }
}

impl Render for Shape {
    fn render(&self) -> Markup {
        // Every element is closed explicitly: inside SVG an unclosed element would hold the next.
        match self {
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                dashed,
            } => html! {
                line x1=(c(*x1)) y1=(c(*y1)) x2=(c(*x2)) y2=(c(*y2)) stroke="#000"
                    stroke-width=(c(*width)) stroke-dasharray=[dashed.then_some("3 2")] {}
            },
            Shape::Rect { x, y, w, h, fill } => html! {
                rect x=(c(*x)) y=(c(*y)) width=(c(*w)) height=(c(*h)) fill=(fill.colour())
                    stroke="#000" stroke-width="0.8" {}
            },
            Shape::Circle { cx, cy, r, fill } => html! {
                circle cx=(c(*cx)) cy=(c(*cy)) r=(c(*r)) fill=(fill.colour()) stroke="#000" stroke-width="1" {}
            },
            Shape::Text { x, y, anchor, text } => html! {
                text x=(c(*x)) y=(c(*y)) text-anchor=(anchor.name()) { (text) }
            },
        }
    }
}

impl Render for Chart {
    fn render(&self) -> Markup {
        html! {
            svg class="chart" role="img" viewBox={ "0 0 " (c(self.width)) " " (c(self.height)) }
                width=(c(self.width)) height=(c(self.height)) font-size="11" font-family="sans-serif" {
                title { (self.title) }
                @for shape in &self.shapes {
                    (shape)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_elements_closed() {
        let mut chart = Chart::new(100.0, 20.0, "a <b> & \"c\"");
        chart.text(1.0, 2.0, Anchor::End, "</style><script>x</script>");
        chart.rect(10.0, 5.0, 4.0, 1.0, Fill::Solid);
        let svg = chart.render().into_string();
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;/style&gt;&lt;script&gt;"), "{svg}");
        assert!(svg.contains("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>"), "{svg}");
        // The rectangle from its corners: x 4..10, y 1..5.
        assert!(
            svg.contains(r##"<rect x="4.0" y="1.0" width="6.0" height="4.0" fill="#444""##),
            "{svg}"
        );
        assert!(svg.contains("</rect>"), "{svg}");
    }

    #[test]
    fn coordinates_have_one_decimal_and_no_negative_zero() {
        assert_eq!(c(-0.04), "0.0");
        assert_eq!(c(12.345), "12.3");
        assert_eq!(c(f64::NAN), "0.0");
    }
}
