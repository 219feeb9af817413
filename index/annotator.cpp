#include "index/annotator.hpp"

#include "index/annotators/condition_annotator.hpp"
#include "index/annotators/design_annotator.hpp"
#include "index/annotators/dose_annotator.hpp"
#include "index/annotators/duration_annotator.hpp"
#include "index/annotators/human_annotator.hpp"
#include "index/annotators/sample_size_annotator.hpp"
#include "index/annotators/sentence_scope.hpp"
#include "index/annotators/text_document.hpp"

namespace ldn {

struct Annotator::Impl {
    explicit Impl(const std::filesystem::path& folder)
        : scope(folder / "sentences.json"),
          conditions(folder / "conditions.json"),
          human(folder / "subjects.json"),
          design(folder / "designs.json"),
          doses(folder / "doses.json"),
          sample_size(folder / "participants.json"),
          duration(folder / "durations.json") {}

    annotators::SentenceScope scope;
    annotators::ConditionAnnotator conditions;
    annotators::HumanAnnotator human;
    annotators::DesignAnnotator design;
    annotators::DoseAnnotator doses;
    annotators::SampleSizeAnnotator sample_size;
    annotators::DurationAnnotator duration;
};

Annotator::Annotator(const std::filesystem::path& vocab_folder) : impl_(std::make_unique<Impl>(vocab_folder)) {}
Annotator::~Annotator() = default;
Annotator::Annotator(Annotator&&) noexcept = default;
Annotator& Annotator::operator=(Annotator&&) noexcept = default;

Annotations Annotator::annotate(const Article& article) const {
    const annotators::TextDocument document(article);
    const std::vector<char> about_this_study = impl_->scope.about_this_study(document);

    Annotations annotations;
    annotations.conditions = impl_->conditions.annotate(article, document);
    annotations.human = impl_->human.annotate(article, document, about_this_study, impl_->scope);
    annotations.sample_size = impl_->sample_size.annotate(document, about_this_study);
    const annotators::Design design = impl_->design.annotate(article, document, about_this_study, impl_->scope,
                                                             annotations.human, annotations.sample_size.has_value());
    annotations.design = design.id;
    annotations.evidence_level = design.evidence_level;
    if (design.id == "case-control") {
        annotations.sample_size = impl_->sample_size.annotate(document, about_this_study, /*sum_all_groups=*/true);
    }
    if (!impl_->sample_size.counts_participants_of(design.id)) annotations.sample_size.reset();
    // A case report that gives no count is about one person.
    if (design.id == "case-report" && !annotations.sample_size) annotations.sample_size = 1;
    annotators::Doses doses = impl_->doses.annotate(document);
    annotations.doses_mg = std::move(doses.mg);
    annotations.dose_class = std::move(doses.dose_class);
    annotations.duration_weeks = impl_->duration.annotate(document, about_this_study, design.id);
    return annotations;
}

}  // namespace ldn
