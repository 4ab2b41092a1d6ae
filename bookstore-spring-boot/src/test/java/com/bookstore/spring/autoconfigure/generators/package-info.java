/** A fixture package declaring an id generator at package level. */
@GenericGenerator(name = "widget_ids", type = SequenceStyleGenerator.class,
        parameters = @Parameter(name = "sequence_name", value = "widget_number"))
package com.bookstore.spring.autoconfigure.generators;

import org.hibernate.annotations.GenericGenerator;
import org.hibernate.annotations.Parameter;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
