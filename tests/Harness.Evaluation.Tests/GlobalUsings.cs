global using Harness.Evaluation.Tests.Support;
global using Harness.Cli.Commands.Eval;
global using NUnit.Framework;

[assembly: Parallelizable(ParallelScope.Fixtures)]
