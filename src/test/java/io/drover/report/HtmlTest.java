package io.drover.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupCharactersAndQuotesAreEscaped() {
        assertThat(Html.escape("<a href=\"x\">Tom's & co</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;");
    }

    @Test
    void controlCharactersXmlForbidsBecomeReplacementCharacters() {
        assertThat(Html.escape("a\u0000b\u001bc\td\ne")).isEqualTo("a\uFFFDb\uFFFDc\td\ne");
    }
}
