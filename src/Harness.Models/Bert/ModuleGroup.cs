using static TorchSharp.torch;

namespace Harness.Models.Bert;

/// <summary>A named holder of submodules with no forward of its own, so parameter paths match HF's nesting
/// (<c>attention.output.dense.weight</c>) while the owning layer calls the children directly.</summary>
internal sealed class ModuleGroup : nn.Module
{
    public ModuleGroup(string name, params (string Name, nn.Module Module)[] children)
        : base(name)
    {
        foreach (var (childName, module) in children)
        {
            register_module(childName, module);
        }
    }
}
