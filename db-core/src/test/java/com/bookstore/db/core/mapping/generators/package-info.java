/** A fixture package whose id generator is declared at package level, as Hibernate allows. */
@GenericGenerator(name = "gadget_ids", type = SequenceStyleGenerator.class,
        parameters = {@Parameter(name = "sequence_name", value = "gadget_number"), @Parameter(name = "increment_size", value = "7")})
package com.bookstore.db.core.mapping.generators;

import org.hibernate.annotations.GenericGenerator;
import org.hibernate.annotations.Parameter;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
