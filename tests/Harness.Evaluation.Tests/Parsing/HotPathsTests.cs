using System.Runtime.CompilerServices;
using Harness.Evaluation.Internal;

namespace Harness.Evaluation.Tests.Parsing;

/// <summary>The methods harness eval compiles in the background at start (found by name: a rename must fail here).</summary>
public sealed class HotPathsTests
{
    [Test]
    public void Every_listed_method_is_found_and_compiles()
    {
        var methods = HotPaths.Resolve();
        Assert.That(methods, Has.Length.EqualTo(HotPaths.Methods.Length));
        for (var i = 0; i < methods.Length; i++)
        {
            Assert.That(methods[i], Is.Not.Null, $"{HotPaths.Methods[i].Type.Name}.{HotPaths.Methods[i].Name} not found");
            Assert.That(methods[i]!.MethodImplementationFlags & System.Reflection.MethodImplAttributes.AggressiveOptimization, Is.Not.Zero,
                $"{HotPaths.Methods[i].Name}: ReadyToRun precompiles methods without AggressiveOptimization; no need to list it");
            RuntimeHelpers.PrepareMethod(methods[i]!.MethodHandle);
        }
    }
}
