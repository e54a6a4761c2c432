using Mcu.Monitor.Configuration;

namespace Mcu.Monitor.Tests.Configuration;

public class SecretMaskingTests
{
    [Fact]
    public void MaskConversionError_SecretKey_ValueHidden()
    {
        var masked = SecretMasking.MaskConversionError("Failed to convert configuration value 'vk1.a.SECRET' at 'Sources:Vk:ServiceToken' to type 'System.Int32'.");
        Assert.DoesNotContain("SECRET", masked, StringComparison.Ordinal);
        Assert.Contains("'***' at 'Sources:Vk:ServiceToken'", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void MaskConversionError_OrdinaryKey_ValueShown()
    {
        const string message = "Failed to convert configuration value 'many' at 'Pipeline:BatchSize' to type 'System.Int32'.";
        Assert.Equal(message, SecretMasking.MaskConversionError(message));
    }
}
