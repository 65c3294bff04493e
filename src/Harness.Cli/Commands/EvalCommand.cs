using System.CommandLine;
using Harness.Cli.Commands.Eval;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness eval</c>: trec_eval 10.0-compatible evaluation. trec_eval's getopt syntax (<c>-M100</c>, <c>-mP.5,10</c>,
/// clustered flags) is not System.CommandLine's, so <see cref="Program"/> hands <c>eval</c> and everything after it
/// straight to <see cref="TrecEvalCommandLine.Run"/> before System.CommandLine (or any plugin or TorchSharp) is loaded.
/// This command exists so that <c>harness --help</c> lists the verb; if it is ever reached it forwards its raw tokens.
/// </summary>
internal static class EvalCommand
{
    // Compile-time checks (a division by zero is a compile error): EvalExitCodes repeats ExitStatus's values because
    // Commands/Eval is also compiled into Harness.Evaluation.Tests, which cannot reference Harness.Core.
    private const int SameSuccess = 1 / (EvalExitCodes.Ok == ExitStatus.Success ? 1 : 0);
    private const int SameBadInput = 1 / (EvalExitCodes.BadInput == ExitStatus.BadInput ? 1 : 0);
    private const int SameMissingQuery = 1 / (EvalExitCodes.MissingQuery == ExitStatus.MissingQuery ? 1 : 0);

    public static Command Create()
    {
        var tokens = new Argument<string[]>("trec_eval-arguments")
        {
            Description = "trec_eval options and files: [-q] [-c] [-M n] [-l n] [-m measure[.params]]... QRELS RUN (see harness eval --help)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("eval", "Evaluate a TREC run against qrels, exactly like trec_eval 10.0 (harness eval --help).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Arguments.Add(tokens);
        command.SetAction(parseResult =>
        {
            var raw = parseResult.GetValue(tokens) ?? [];
            string[] args = [.. raw, .. parseResult.UnmatchedTokens];
            return TrecEvalCommandLine.Run(args, Console.Out, Console.Error);
        });
        return command;
    }
}
