package dev.atoll.modules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnnotationParserTest {

    private static final String VALID = """
            import sys
            from atoll_helper import data_processor, parameter  # "@model(" in a comment is ignored

            HELP = '''
            @parameter(name="in_docstring", type="STRING")
            '''

            @data_processor(
                name="Normalise columns",
                author="Atoll team",
                type="ALGORITHM",
                description="Scales " "every column",   # implicit concatenation
                visibility="public",
                input_type="TABULAR",
                output_type="TABULAR",
            )
            @parameter(name="scale", type="FLOAT", required=True, default_value=-1.5e3, description="factor")
            @parameter("columns", "LIST", False, ["a", 'b'])
            @parameter(name="options", type="dictionary", default_value={"mode": None, "n": 0x10})
            @parameter(name="dry_run", type="BOOLEAN", default_value=False)
            @functools.lru_cache(maxsize=some.call(1, 2))
            def init_params():
                pass
            """;

    @Test
    void readsModuleAndParametersFromKeywordAndPositionalArguments() {
        AnnotationScan scan = AnnotationParser.parse("main.py", VALID);

        assertThat(scan.problems()).isEmpty();
        ModuleAnnotations module = scan.annotations().orElseThrow();
        assertThat(module.type()).isEqualTo(ModuleType.DATA_PROCESSOR);
        assertThat(module.name()).isEqualTo("Normalise columns");
        assertThat(module.description()).isEqualTo("Scales every column");
        assertThat(module.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(module.inputType()).isEqualTo("TABULAR");
        assertThat(module.parameters()).containsExactly(
                new ModuleParameter("scale", ParameterType.FLOAT, true, "-1500.0", "factor"),
                new ModuleParameter("columns", ParameterType.LIST, false, "[\"a\", \"b\"]", ""),
                new ModuleParameter("options", ParameterType.DICTIONARY, false, "{\"mode\": None, \"n\": 16}", ""),
                new ModuleParameter("dry_run", ParameterType.BOOLEAN, false, "False", ""));
    }

    @Test
    void reportsAMissingCommaWithLineColumnAndWhatWasExpected() {
        String source = """
                @model(name="trainer", author="me", description="d", visibility="PUBLIC", input_type="TABULAR"
                       output_type="MODEL")
                def init_params():
                    pass
                """;

        AnnotationScan scan = AnnotationParser.parse("train.py", source);

        assertThat(scan.problems()).extracting(Problem::toString).contains(
                "train.py:2:8: expected ',' or ')' after an argument of @model but found 'output_type'");
    }

    @Test
    void refusesVariablesBecauseAnnotationsAreReadWithoutRunningTheScript() {
        String source = """
                @data_visualization(name=NAME, author="me", description="d", visibility="PUBLIC", input_type="IMAGE")
                def init_params(): pass
                """;

        assertThat(AnnotationParser.parse("viz.py", source).problems()).extracting(Problem::toString).containsExactly(
                "viz.py:1:26: expected a literal (string, number, True, False, None, list or dict) but found name 'NAME'"
                        + " — annotation values are read without running the script, so write the value itself",
                "viz.py: no @data_processor, @data_visualization or @model annotation found — "
                        + "decorate the entry point's init_params() with one (see docs/modules.md)");
    }

    @Test
    void collectsEverySemanticProblemInOneRun() {
        String source = """
                @model(name="t", author="me", description="d", visibility="SECRET", input_type="X", colour="red")
                @parameter(name="lr", type="FLOAT", default_value="fast")
                @parameter(name="lr", type="FLOAT")
                @parameter(name="lr", type="FLOAT", default_value=0.1)
                @parameter(name="epochs", type="NUMBER")
                @parameter(name="x", type="INTEGER", required="yes")
                @parameter(type="STRING")
                @data_processor(name="again")
                def init_params(): pass
                """;

        assertThat(AnnotationParser.parse("t.py", source).problems()).extracting(Problem::toString).containsExactly(
                "t.py:1:85: @model has no argument 'colour' — expected one of name, author, type, description, input_type, output_type, visibility",
                "t.py:1:1: @model visibility \"SECRET\" is not PUBLIC or PRIVATE — use one of them",
                "t.py:2:1: @parameter 'lr' default_value \"fast\" is not a FLOAT — change the default or the type",
                "t.py:4:1: @parameter 'lr' is declared twice — remove one",
                "t.py:5:1: @parameter 'epochs' type \"NUMBER\" is not allowed — use one of STRING, INTEGER, FLOAT, BOOLEAN, LIST, DICTIONARY",
                "t.py:6:1: @parameter 'x' required=\"yes\" is not True or False — use one of them",
                "t.py:7:1: @parameter is missing the required argument 'name' — add name=\"...\"",
                "t.py:8:1: second module annotation @data_processor (the first is @model on line 1) — an entry point declares exactly one module");
    }

    @Test
    void reportsMissingRequiredModuleArguments() {
        assertThat(AnnotationParser.parse("p.py", "@data_processor(name='p')\ndef f(): pass\n").problems())
                .extracting(Problem::message).containsExactly(
                        "@data_processor is missing the required argument 'author' — add author=\"...\"",
                        "@data_processor is missing the required argument 'description' — add description=\"...\"",
                        "@data_processor is missing the required argument 'input_type' — add input_type=\"...\"",
                        "@data_processor is missing the required argument 'visibility' — add visibility=\"...\"",
                        "@data_processor is missing the required argument 'output_type' — add output_type=\"...\"");
    }

    @Test
    void reportsUnterminatedStringsAndUnclosedCalls() {
        assertThat(AnnotationParser.parse("a.py", "@model(name=\"oops)\n").problems()).extracting(Problem::toString)
                .containsExactly("a.py:1:13: string not closed before the end of the line — add the closing \"");
        assertThat(AnnotationParser.parse("b.py", "@model(name='x', author='y'\n").problems()).extracting(Problem::toString)
                .first().isEqualTo("b.py:2:1: expected ',' or ')' after an argument of @model but found end of file");
        assertThat(AnnotationParser.parse("c.py", "@parameter(name='x', type='INTEGER', default_value=[1, 2)\n").problems())
                .extracting(Problem::toString).first()
                .isEqualTo("c.py:1:57: expected ',' or ']' in a list but found ')'");
    }

    @Test
    void ignoresDecoratorsInsideStringsAndMatrixMultiplication() {
        String source = """
                x = a @ b
                s = "@model(name='fake')"
                @model(name="real", author="me", description="d", visibility="PRIVATE", input_type="TABULAR")
                def init_params(): pass
                """;

        AnnotationScan scan = AnnotationParser.parse("m.py", source);

        assertThat(scan.problems()).isEmpty();
        assertThat(scan.annotations().orElseThrow().name()).isEqualTo("real");
        assertThat(scan.annotations().orElseThrow().visibility()).isEqualTo(Visibility.PRIVATE);
    }
}
