#include "tests/fake_eutils/eutils_responses.hpp"

namespace ldn::fake {

namespace {

constexpr std::string_view xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n";

std::string doctype(std::string_view root) {
    if (root == "eSearchResult")
        return "<!DOCTYPE eSearchResult PUBLIC \"-//NLM//DTD esearch 20060628//EN\" "
               "\"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd\">\n";
    if (root == "ePostResult")
        return "<!DOCTYPE ePostResult PUBLIC \"-//NLM//DTD epost 20090526//EN\" "
               "\"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20090526/epost.dtd\">\n";
    if (root == "eFetchResult")
        return "<!DOCTYPE eFetchResult PUBLIC \"-//NLM//DTD efetch 20131226//EN\" "
               "\"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd\">\n";
    return {};
}

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string esearch_xml(const EsearchResult& result) {
    std::string out(xml_declaration);
    out += doctype("eSearchResult");
    out += "<eSearchResult><Count>" + std::to_string(result.count) + "</Count><RetMax>" +
           std::to_string(result.ids.size()) + "</RetMax><RetStart>" + std::to_string(result.retstart) +
           "</RetStart>";
    if (result.query_key) {
        out += "<QueryKey>" + std::to_string(*result.query_key) + "</QueryKey><WebEnv>" +
               xml_escape(result.webenv) + "</WebEnv>";
    }
    if (result.ids.empty()) {
        out += "<IdList/>";
    } else {
        out += "<IdList>\n";
        for (const std::string& id : result.ids) out += "<Id>" + id + "</Id>\n";
        out += "</IdList>";
    }
    out += "<TranslationSet/><QueryTranslation>" + xml_escape(result.query_translation) +
           "</QueryTranslation>";
    if (!result.phrase_not_found.empty()) {
        out += "<ErrorList><PhraseNotFound>" + xml_escape(result.phrase_not_found) +
               "</PhraseNotFound></ErrorList><WarningList><OutputMessage>No items found.</OutputMessage>"
               "</WarningList>";
    }
    out += "</eSearchResult>\n";
    return out;
}

std::string eutils_error_xml(std::string_view root, std::string_view message) {
    std::string out(xml_declaration);
    out += doctype(root);
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "literal" + std::string.
    out.append("<").append(root).append(">\n\t<ERROR>").append(xml_escape(message));
    out.append("</ERROR>\n</").append(root).append(">\n");
    return out;
}

std::string efetch_xml(const std::vector<std::shared_ptr<const std::string>>& records) {
    std::size_t size = 512;
    for (const auto& record : records) size += record->size() + 1;
    std::string out;
    out.reserve(size);
    out += "<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, "
           "1st January 2025//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n"
           "<PubmedArticleSet>\n";
    for (const auto& record : records) {
        out += *record;
        out += '\n';
    }
    out += "</PubmedArticleSet>\n";
    return out;
}

std::string epost_xml(int query_key, std::string_view webenv) {
    std::string out(xml_declaration);
    out += doctype("ePostResult");
    out += "<ePostResult>\n\t<QueryKey>" + std::to_string(query_key) + "</QueryKey>\n\t<WebEnv>" +
           xml_escape(webenv) + "</WebEnv>\n</ePostResult>\n";
    return out;
}

std::string rate_limit_json(std::size_t count) {
    return "{\"error\":\"API rate limit exceeded\",\"count\":\"" + std::to_string(count) + "\"}";
}

std::string server_error_html(int status, std::string_view reason) {
    const std::string code = std::to_string(status);
    return "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n"
           "<html><head><title>NCBI/eutils - WWW Error " + code + " Diagnostic</title></head>\n"
           "<body><h1>Server Error</h1><p>Your request could not be processed due to a problem on our "
           "Web server. This could be a transient problem, please try the query again.</p>\n"
           "<p>Diagnostic Information:</p><div class=\"diags\">Error: " + code + " " +
           std::string(reason) + "</div></body></html>\n";
}

std::string server_error_json(int status, std::string_view reason) {
    return "{\"error\":\"" + std::string(reason) + "\",\"status\":" + std::to_string(status) + "}";
}

std::string maintenance_html() {
    return "<!DOCTYPE html>\n<html><head><title>NCBI - Service unavailable</title></head>\n"
           "<body><h1>We are sorry, this service is temporarily unavailable</h1>"
           "<p>NCBI is performing scheduled maintenance. Please try again later.</p></body></html>\n";
}

std::string retstart_limit_message(std::size_t retstart) {
    return "Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, "
           "ESearch can only retrieve the first 9,999 records matching the query (retstart=" +
           std::to_string(retstart) + ").";
}

std::string unknown_query_message(int query_key) {
    return "Unable to obtain query #" + std::to_string(query_key);
}

}  // namespace ldn::fake
