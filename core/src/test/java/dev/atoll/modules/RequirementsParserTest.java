package dev.atoll.modules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequirementsParserTest {

    @Test
    void acceptsPinnedRequirementsWithExtrasMarkersAndComments() {
        String text = """
                # the model's dependencies
                numpy==1.26.4
                requests[socks] == 2.32.3   # pinned for reproducible images
                tomli==2.0.1 ; python_version < "3.11"

                """;

        RequirementsParser.Scan scan = RequirementsParser.parse("requirements.txt", text);

        assertThat(scan.problems()).isEmpty();
        assertThat(scan.requirements()).containsExactly(
                new Requirement("numpy", "1.26.4", 2),
                new Requirement("requests", "2.32.3", 3),
                new Requirement("tomli", "2.0.1", 4));
    }

    @Test
    void refusesUnpinnedMalformedAndDuplicatedLinesWithTheirLineNumbers() {
        String text = """
                numpy
                pandas>=2.0
                scipy==1.*
                torch==2.1.0,<3
                ==1.0
                Scikit_Learn==1.5.0
                scikit-learn==1.5.1
                -r other.txt
                git+https://example.org/x.git
                six==1.16.0 extra
                """;

        assertThat(RequirementsParser.parse("requirements.txt", text).problems()).extracting(Problem::toString).containsExactly(
                "requirements.txt:1:1: 'numpy' is not pinned — write numpy==<version> (pip freeze shows the installed one)",
                "requirements.txt:2:1: 'pandas>=2.0' is not pinned with '==' — write pandas==<exact version>",
                "requirements.txt:3:1: 'scipy==1.*' is not pinned: '1.*' is a wildcard — write an exact version",
                "requirements.txt:4:1: 'torch==2.1.0,<3' has more than one version clause — pin one exact version with ==",
                "requirements.txt:5:1: '==1.0' is malformed: expected a package name — write name==version",
                "requirements.txt:7:1: 'scikit-learn' is listed twice (first on line 6) — keep one pin",
                "requirements.txt:8:1: '-r other.txt' is a pip option — list pinned packages only (name==version)",
                "requirements.txt:9:1: 'git+https://example.org/x.git' is a URL requirement — publish the package to an index and pin it as name==version",
                "requirements.txt:10:1: 'six==1.16.0 extra' is malformed: unexpected 'extra' after the version");
    }
}
