package uk.nhs.icr.access;

import jakarta.persistence.Converter;

import uk.nhs.icr.platform.JsonListConverter;

/** The services a proxy is granted, as a JSON array. */
@Converter
public class ProxyServicesConverter extends JsonListConverter<ProxyLink.Service> {

    public ProxyServicesConverter() {
        super(ProxyLink.Service.class);
    }
}
