using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using InfoTheory.Exercises;
using Xunit;

namespace InfoTheory.Tests;

/// <summary>
/// The pieces of a check that judges like a teacher: significant figures, the messages students see for the
/// answers the issue reported, the hint ladder, the progress table, and the lazily built catalog.
/// </summary>
public class ExerciseJudgementTests
{
    private static CheckResult Check(string id, object? answer) => new ExerciseLog().Check(id, answer);

    [Theory]
    [InlineData(2.585, 4)]
    [InlineData(2.50, 2)]        // a double forgets the trailing zero: 2.50 typed is 2.5
    [InlineData(8.00, 1)]
    [InlineData(0.0012, 2)]
    [InlineData(-0.0685, 3)]
    [InlineData(1200, 2)]        // trailing zeros of a whole number only place the point
    [InlineData(1.25e-7, 3)]
    [InlineData(0, 1)]
    public void Figures_given_are_read_from_the_shortest_round_trip_text(double typed, int figures) =>
        Assert.Equal(figures, SignificantFigures.Given(typed));

    [Fact]
    public void A_computed_value_has_all_its_figures() =>
        Assert.True(SignificantFigures.Given(Math.Log2(6)) >= 15);

    [Theory]
    [InlineData(2.585, 5)]       // 2.5850 is log₂ 6 to 5 figures
    [InlineData(2.58, 3)]
    [InlineData(2.6, 2)]
    [InlineData(3, 1)]
    [InlineData(2.5, 1)]
    [InlineData(4, 0)]
    public void Agreement_counts_the_leading_figures_rounding_could_give(double typed, int figures) =>
        Assert.Equal(figures, SignificantFigures.Agreement(typed, Math.Log2(6)));   // log₂ 6 = 2.58496…

    [Theory]
    [InlineData(2.6, true)]
    [InlineData(3, true)]
    [InlineData(2.585, true)]
    [InlineData(2.5, false)]
    [InlineData(0.8, false)]     // one figure, but in the tenths: log₂ 6 rounded there is 2.6
    [InlineData(2.59, false)]
    [InlineData(10, false)]
    [InlineData(-2.6, false)]
    [InlineData(0, false)]
    public void Rounds_to_means_rounding_at_the_answers_own_last_figure(double typed, bool rounds) =>
        Assert.Equal(rounds, SignificantFigures.RoundsTo(typed, Math.Log2(6)));

    [Fact]
    public void A_value_on_a_rounding_boundary_agrees_whichever_way_it_was_rounded()
    {
        Assert.Equal(2, SignificantFigures.Agreement(0.13, 0.125));
        Assert.Equal(2, SignificantFigures.Agreement(0.12, 0.125));
    }

    [Fact]
    public void The_answers_the_issue_reported_now_pass_with_the_figures_named()
    {
        var result = Check("01.1", 2.585);
        Assert.True(result.Passed);
        Assert.Equal("Correct (to 4 significant figures).", result.Message);
        Assert.True(Check("01.3", 6.931).Passed);
        Assert.True(Check("03.3", new[] { 2.2, 2.122 }).Passed);
        Assert.True(Check("04.1", new[] { 1.4855, 1.554, 0.0685 }).Passed);
        Assert.Equal("Correct.", Check("01.1", Math.Log2(6)).Message);
    }

    [Fact]
    public void Rounded_to_a_number_of_decimals_passes_when_3_figures_are_right()
    {
        var exercise = (VectorExercise)ExerciseCatalog.Find("08.4");
        Assert.True(Check("08.4", exercise.Expected.Select(x => Math.Round(x, 4)).ToArray()).Passed);
        var entropies = (VectorExercise)ExerciseCatalog.Find("02.3");
        Assert.True(Check("02.3", entropies.Expected.Select(x => Math.Round(x, 3)).ToArray()).Passed);
    }

    [Fact]
    public void One_or_two_right_figures_are_close_not_wrong_in_kind()
    {
        var result = Check("01.1", 2.6);
        Assert.Equal(CheckStatus.Wrong, result.Status);
        Assert.StartsWith("Close", result.Message);
        Assert.Contains("at least 3 significant figures", result.Message);
        Assert.DoesNotContain("Hint", result.Message);   // the method is right; only digits are missing
        Assert.StartsWith("Close", Check("01.1", 3.0).Message);
        Assert.DoesNotContain("Close", Check("01.1", 2.5).Message);   // 2.585 rounds to 2.6, not 2.5
        Assert.DoesNotContain("Close", Check("04.2", 0.8).Message);   // 1.157… rounds to 1, and 0.8 is not 1
        Assert.DoesNotContain("Close", Check("01.1", 2.59).Message);  // 3 figures given, and the third is wrong
    }

    [Fact]
    public void Usual_slips_are_named()
    {
        Assert.Contains("nats where bits are asked", Check("01.1", Math.Log(6)).Message);
        Assert.Contains("bits where nats are asked", Check("01.3", 10.0).Message);
        Assert.Contains("base-10 logarithm where log₂", Check("01.1", Math.Log10(6)).Message);
        Assert.Contains("sign is flipped", Check("02.1", -Math.Log2(20)).Message);
        Assert.Contains("1 − p", Check("06.1", 1 - ((NumberExercise)ExerciseCatalog.Find("06.1")).Expected).Message);
        Assert.Contains("wrong order", Check("03.3", new[] { 2.122, 2.2 }).Message);
    }

    [Fact]
    public void In_a_list_only_the_entries_with_a_slip_are_named()
    {
        double[] expected = ((VectorExercise)ExerciseCatalog.Find("04.4")).Expected;
        var result = Check("04.4", new[] { expected[0], expected[1] / Math.Log(2), 9.25 });
        Assert.Contains("position 1: this is the right value ÷ ln 2", result.Message);
        Assert.Contains("The entry at position 2 is not right", result.Message);
        Assert.DoesNotContain("position 0", result.Message);
    }

    [Fact]
    public void Exact_exercises_stay_exact()
    {
        Assert.True(Check("01.2", 8.0).Passed);
        Assert.Contains("round up", Check("01.2", 7.0).Message);
        Assert.Equal(CheckStatus.Wrong, Check("01.2", 8.001).Status);
        Assert.Equal(CheckStatus.Wrong, Check("03.4", new[] { 0.0, 2, 1, 0, 0, 3, 1, 0.001 }).Status);
    }

    [Fact]
    public void A_rounded_right_answer_is_never_mistaken_for_a_nearby_mistake()
    {
        // 02.3's seed-1 mistake changes the last entry only in its 4th or 5th figure.
        var entropies = (VectorExercise)ExerciseCatalog.Find("02.3");
        var seedOne = entropies.Mistakes.Single().FromExpected(entropies.Expected);
        Assert.Contains("seed", Check("02.3", seedOne).Message);
        Assert.True(Check("02.3", entropies.Expected.Select(x => double.Parse(x.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToArray()).Passed);
    }

    [Fact]
    public void The_hint_ladder_starts_at_the_first_wrong_answer_and_ends_at_the_lesson()
    {
        var log = new ExerciseLog();
        var ladder = ExerciseLog.Ladder(ExerciseCatalog.Find("04.2"));
        Assert.True(ladder.Count >= 2);

        Assert.DoesNotContain("Hint", log.Check("04.2", null).Message);
        Assert.Contains($"Hint 1 of {ladder.Count}: {ladder[0]}", log.Check("04.2", 3.0).Message);
        Assert.Contains("Hint(\"04.2\")", log.Check("04.2", 3.0).Message);
        for (int rung = 2; rung <= ladder.Count; rung++)
        {
            var hint = log.NextHint("04.2");
            Assert.Equal(rung, hint.Rung);
            Assert.Equal(ladder[rung - 1], hint.Text);
        }
        var last = log.NextHint("04.2");
        Assert.Equal(ladder.Count, last.Rung);
        Assert.Contains("Reread", last.Text);
        Assert.Contains("notebooks/04-cross-entropy.dib", last.Text);
        Assert.Contains("the last", last.ToString());
        Assert.Contains($"Hint {ladder.Count} of {ladder.Count}", log.Check("04.2", 3.0).Message);   // a wrong answer repeats the hint reached
    }

    [Fact]
    public void Hint_before_any_answer_is_the_first_rung() =>
        Assert.Equal(1, new ExerciseLog().NextHint("01.1").Rung);

    public static TheoryData<string> Ids() => new(ExerciseCatalog.All.Select(e => e.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void No_hint_gives_the_answer_away(string id)
    {
        var exercise = ExerciseCatalog.Find(id);
        double[] expected = exercise switch
        {
            NumberExercise n => [n.Expected],
            VectorExercise v => v.Expected,
            ComputedVectorExercise c => c.Expected,
            _ => [],
        };
        var ladder = string.Join(" ", ExerciseLog.Ladder(exercise));
        var revealing = expected.Where(double.IsFinite).Select(x => x.ToString("G3", CultureInfo.InvariantCulture))
            .Where(text => text.Count(char.IsDigit) >= 3);   // "8" or "0.5" could be any number in a hint
        Assert.All(revealing, text => Assert.DoesNotContain(text, ladder));
        Assert.True(exercise.Reread is not null, $"{id} should name the part of the lesson to reread");
    }

    [Fact]
    public void Progress_lists_the_lesson_of_the_last_check_with_every_exercise()
    {
        var log = new ExerciseLog();
        Assert.Null(log.Progress(null).Lesson);
        Assert.Contains("Progress(\"04\")", log.Progress(null).ToString());

        log.Check("04.1", new[] { 1.4855, 1.554, 0.0685 });
        log.Check("04.2", 3.0);
        var progress = log.Progress(null);
        Assert.Equal("04", progress.Lesson);
        Assert.Equal(ExerciseCatalog.ForLesson("04").Select(e => e.Id), progress.Rows.Select(r => r.ExerciseId));
        Assert.Equal([CheckStatus.Passed, CheckStatus.Wrong], progress.Rows.Take(2).Select(r => r.Status));
        Assert.All(progress.Rows.Skip(2), r => Assert.Equal(CheckStatus.NotAttempted, r.Status));
        Assert.Equal(1, progress.Correct);

        string text = progress.ToString();
        Assert.StartsWith($"Lesson 04 exercises: 1 of {progress.Rows.Count} correct", text);
        Assert.Contains("✔ 04.1", text);
        Assert.Contains("✘ 04.2", text);
        Assert.Contains("not attempted", text);
        string html = progress.ToHtml();
        Assert.Equal(progress.Rows.Count, Regex.Matches(html, "<tr ").Count);
        Assert.Contains("itn-progress-notattempted", html);

        log.Check("04.2", null);   // the latest status counts
        Assert.Equal(CheckStatus.NotAttempted, log.Progress("04").Rows[1].Status);
        Assert.Equal("01", log.Progress("01").Lesson);
    }

    [Fact]
    public void Progress_of_an_unknown_lesson_is_a_clear_error()
    {
        var e = Assert.Throws<ArgumentException>(() => new ExerciseLog().Progress("99"));
        Assert.Equal("lesson", e.ParamName);
        Assert.Contains("01", e.Message);
    }

    [Fact]
    public void Progress_and_hints_render_through_the_kernel_convention()
    {
        foreach (var type in new[] { typeof(ProgressReport), typeof(HintResult) })
            Assert.Contains(type.GetCustomAttributes(), a => a.GetType().Name == "TypeFormatterSourceAttribute");
        Assert.DoesNotContain("<script>", new ProgressReport("04", [new ProgressRow("04.1", "<script>", CheckStatus.Wrong)]).ToHtml());
        Assert.DoesNotContain("<script>", new HintResult("04.1", "<script>", 1, 2, "<script>").ToHtml());
    }

    [Fact]
    public void Every_lesson_method_of_the_catalog_is_registered()
    {
        var defined = typeof(ExerciseCatalog).GetMethods(BindingFlags.NonPublic | BindingFlags.Static)
            .Select(m => Regex.Match(m.Name, @"^Lesson(\d\d)$")).Where(m => m.Success).Select(m => m.Groups[1].Value).Order();
        Assert.Equal(defined, ExerciseCatalog.LessonNumbers.Order());
    }

    [Fact]
    public void A_lesson_lists_only_its_own_exercises_in_order() =>
        Assert.All(ExerciseCatalog.LessonNumbers, lesson =>
        {
            var ids = ExerciseCatalog.ForLesson(lesson).Select(e => e.Id).ToList();
            Assert.NotEmpty(ids);
            Assert.All(ids, id => Assert.StartsWith(lesson + ".", id));
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        });
}
