package io.drover.libvirt.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class XmlDocumentTest {

    @Test
    void elementsKnowTheirLine() {
        XmlElement root = XmlDocument.parse("<domain>\n  <name>a</name>\n\n  <devices>\n    <disk/>\n  </devices>\n</domain>",
                "domain XML").root();

        assertThat(root.line()).isEqualTo(1);
        assertThat(root.requiredChild("name").line()).isEqualTo(2);
        assertThat(root.requiredChild("devices").requiredChild("disk").line()).isEqualTo(5);
        assertThat(root.requiredChild("devices").requiredChild("disk").error("bad").getMessage())
                .isEqualTo("domain XML line 5: bad");
    }

    @Test
    void malformedXmlNamesLineAndColumn() {
        assertThatThrownBy(() -> XmlDocument.parse("<domain>\n  <name>a</nam>\n</domain>", "domain XML"))
                .isInstanceOfSatisfying(LibvirtXmlException.class, e -> {
                    assertThat(e.documentKind()).isEqualTo("domain XML");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isPositive();
                })
                .hasMessageStartingWith("domain XML line 2, column ")
                .hasMessageContaining("malformed XML")
                .hasMessageContaining("</name>");
    }

    @Test
    void refusesDoctypeSoNoExternalEntityIsEverResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE domain [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <domain><name>&secret;</name></domain>
                """;

        assertThatThrownBy(() -> XmlDocument.parse(xxe, "domain XML"))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessageStartingWith("domain XML line 2")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesEmptyInput() {
        assertThatThrownBy(() -> XmlDocument.parse("  \n", "capabilities XML"))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessage("capabilities XML: empty document");
    }

    @Test
    void checksTheRootElement() {
        assertThatThrownBy(() -> XmlDocument.parse("<capabilities/>", "domain XML", "domain"))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessage("domain XML line 1: root element is <capabilities>, expected <domain>");
    }

    @Test
    void prefixedElementsDoNotMatchLibvirtNames() {
        XmlElement root = XmlDocument.parse("""
                <domain xmlns:nova="http://openstack.org/xmlns/libvirt/nova/1.0">
                  <nova:name>flavor</nova:name>
                  <name>instance-1</name>
                </domain>""", "domain XML").root();

        assertThat(root.childText("name")).contains("instance-1");
        assertThat(root.children("name")).hasSize(1);
    }

    @Test
    void blankAttributesAndTextsReadAsAbsent() {
        XmlElement root = XmlDocument.parse("<a x='' y=' 1 '><b>  </b><c> text </c></a>", "test").root();

        assertThat(root.attribute("x")).isEmpty();
        assertThat(root.attribute("missing")).isEmpty();
        assertThat(root.attribute("y")).contains(" 1 ");
        assertThat(root.childText("b")).isEmpty();
        assertThat(root.childText("c")).contains("text");
        assertThat(root.intAttribute("y")).contains(1);
    }

    @Test
    void entitiesAndCharacterReferencesAreDecoded() {
        XmlElement root = XmlDocument.parse("<a n=\"1G/1&#x6838;\">&lt;OUT OF SPEC&gt;</a>", "test").root();

        assertThat(root.attribute("n")).contains("1G/1\u6838");
        assertThat(root.text()).isEqualTo("<OUT OF SPEC>");
    }

    @Test
    void parsesConcurrentlyFromManyThreads() throws Exception {
        String xml = Golden.read("domain-nova-rbd-running.xml");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> names = pool.invokeAll(Collections.nCopies(200,
                    () -> DomainXmlParser.parse(xml).name()));
            for (Future<String> name : names) {
                assertThat(name.get()).isEqualTo("instance-000028ae");
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
