package io.drover.report;

/** An HTML table built row by row; cells are escaped unless added as markup. */
final class Table {

    private final StringBuilder html = new StringBuilder();

    Table(String cssClass, String... headers) {
        html.append("<table class=\"").append(cssClass).append("\">\n<thead><tr>");
        for (String header : headers) {
            html.append("<th>").append(Html.escape(header)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
    }

    /** A row of plain text cells. */
    Table row(Object... cells) {
        html.append("<tr>");
        for (Object cell : cells) {
            html.append("<td>").append(Html.escape(String.valueOf(cell))).append("</td>");
        }
        html.append("</tr>\n");
        return this;
    }

    /** A row of cells that are already markup (each built from escaped text). */
    Table markupRow(String... cells) {
        html.append("<tr>");
        for (String cell : cells) {
            html.append("<td>").append(cell).append("</td>");
        }
        html.append("</tr>\n");
        return this;
    }

    String toHtml() {
        return html + "</tbody>\n</table>\n";
    }
}
