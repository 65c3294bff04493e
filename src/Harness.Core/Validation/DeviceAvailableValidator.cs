using Harness.Core.Experiments;
using TorchSharp;

namespace Harness.Core.Validation;

/// <summary>A CUDA device the spec or <c>--devices</c> asks for is there.</summary>
public sealed class DeviceAvailableValidator : IExperimentValidator
{
    /// <summary>How many CUDA devices this process sees (0 when libtorch has no CUDA or cannot load).</summary>
    /// <returns>The count.</returns>
    public static int CudaDeviceCount()
    {
        try
        {
            return torch.cuda.is_available() ? torch.cuda.device_count() : 0;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or NotSupportedException or InvalidOperationException)
        {
            return 0;
        }
    }

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requests = context.Devices.Where(d => d.StartsWith("cuda", StringComparison.Ordinal)).Distinct().ToList();
        if (requests.Count == 0)
        {
            yield break;
        }

        var count = CudaDeviceCount();
        foreach (var device in requests)
        {
            var index = DeviceRequest.CudaIndex(device) ?? 0;
            if (index >= count)
            {
                yield return ValidationProblem.Error(context.Spec.LocationOf("device"), "device", count == 0
                    ? $"'{device}' is asked for, but CUDA is not available here (libtorch for CPU, or no GPU): use device: cpu or auto"
                    : $"'{device}' is asked for, but this machine has {count} CUDA device(s) (cuda:0..cuda:{count - 1})");
            }
        }
    }
}
