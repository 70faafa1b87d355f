global using Xunit;
global using Eddy.TestSupport;
