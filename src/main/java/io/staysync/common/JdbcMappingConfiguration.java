package io.staysync.common;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

/**
 * How aggregates meet the schema.
 * <p>
 * Spring Data JDBC quotes identifiers by default and upper-cases them on H2, which breaks
 * on an H2 in PostgreSQL mode with lower-case names. Our schema uses plain lower-case
 * names that need no quoting on either database, so quoting is switched off.
 * <p>
 * Aggregates hold typed enums. Those that are {@link StoredInLowerCase} are written and
 * read as their lower-case names here, and nowhere else; other enums keep Spring Data's
 * default, the constant's name (see docs/adr/0009-stored-enums.md).
 */
@Configuration(proxyBeanMethods = false)
class JdbcMappingConfiguration {

	@Bean
	static BeanPostProcessor unquotedIdentifiers() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}
		};
	}

	@Bean
	JdbcCustomConversions jdbcCustomConversions(JdbcDialect dialect) {
		return JdbcCustomConversions.of(dialect, List.of(LowerCaseWriting.INSTANCE, LowerCaseReading.INSTANCE));
	}

	@WritingConverter
	enum LowerCaseWriting implements Converter<StoredInLowerCase, String> {

		INSTANCE;

		@Override
		public String convert(StoredInLowerCase value) {
			return value.stored();
		}

	}

	/**
	 * Fails on a value no constant is stored as, rather than reading it as something
	 * else.
	 */
	@ReadingConverter
	enum LowerCaseReading implements ConverterFactory<String, StoredInLowerCase> {

		INSTANCE;

		@Override
		public <T extends StoredInLowerCase> Converter<String, T> getConverter(Class<T> type) {
			T[] constants = type.getEnumConstants();
			if (constants == null) {
				throw new IllegalArgumentException(type.getName() + " is stored in lower case but is not an enum");
			}
			return value -> Arrays.stream(constants)
				.filter(constant -> constant.stored().equals(value))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						"No " + type.getSimpleName() + " is stored as '" + value + "'"));
		}

	}

}
