package id.loket.platform.http;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The field a 400 names is the path a client would write to reach the value. */
class FieldNamesTest {

    record Day(@NotEmpty List<String> days, @NotBlank String opens) {
    }

    record Hours(@Valid List<Day> hours, List<@NotBlank String> tags, Map<String, @NotBlank String> labels) {
    }

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator();

    private List<String> fields(Object o) {
        return validator.validate(o).stream().map(ProblemMappers::field).sorted().toList();
    }

    @Test
    void anElementOfAListIsNamedByItsIndexOnTheList() {
        Hours h = new Hours(List.of(new Day(List.of("MON"), "08:00"), new Day(List.of(), "08:00")), List.of("ok", " "),
                Map.of("a", ""));
        assertThat(fields(h)).containsExactly("hours[1].days", "labels[a]", "tags[1]");
    }
}
