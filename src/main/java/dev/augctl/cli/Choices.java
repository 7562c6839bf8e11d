package dev.augctl.cli;

import dev.augctl.common.ComboMode;
import dev.augctl.common.SaveFormat;
import dev.augctl.config.Executor;
import dev.augctl.config.ScheduleMode;
import dev.augctl.config.StartOrder;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Options typed by augctl's enums take their values as written in the config file (the constant's
 * {@code toString()}, lower case; any case is accepted); a wrong value names the choices, and shell
 * completion offers them.
 */
public final class Choices {
    private Choices() {
    }

    /** Registers the converters on {@code cmd} and all its subcommands. */
    public static void register(CommandLine cmd) {
        register(cmd, ComboMode.class);
        register(cmd, SaveFormat.class);
        register(cmd, Executor.class);
        register(cmd, ScheduleMode.class);
        register(cmd, StartOrder.class);
    }

    private static <E extends Enum<E>> void register(CommandLine cmd, Class<E> type) {
        cmd.registerConverter(type, value -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.toString().equalsIgnoreCase(value)) {
                    return constant;
                }
            }
            throw new CommandLine.TypeConversionException("expected one of " + Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")) + ", got '" + value + "'");
        });
    }
}
