#pragma once
// Word lists for the synthetic PubMed generator. Written for this project, not taken from PubMed:
// the names, journals and phrases only need to look and measure like real records. MeSH and
// publication-type UIs of the topic's own terms are the real ones, so that annotators keyed on UIs
// (data/) fire on synthetic records as they would on real ones; the rest are plausible inventions.

#include <array>
#include <string_view>

namespace ldn::bench::vocabulary {

struct Descriptor {
    std::string_view ui;
    std::string_view name;
};

// A condition as indexed (the MeSH descriptor) and as written in running text.
struct Condition {
    Descriptor descriptor;
    std::string_view phrase;
};

struct Journal {
    std::string_view title;
    std::string_view iso_abbrev;
    std::string_view country;
    std::string_view doi_stem;  // the journal's part of a DOI suffix
};

struct Chemical {
    std::string_view registry;  // "0" for classes, as NLM writes it
    std::string_view ui;
    std::string_view name;
};

inline constexpr std::array last_names{
    "Smith", "Nguyen", "Garc\u00eda", "M\u00fcller", "Kowalski", "Tanaka", "Okafor", "Johansson",
    "Rossi", "Dubois", "Chen", "Wang", "Li", "Zhang", "Liu", "Kim", "Park", "Singh", "Patel", "Kumar",
    "Silva", "Santos", "Oliveira", "Ferreira", "Novak", "Horvath", "Nielsen", "Andersen", "Virtanen",
    "Murphy", "O'Brien", "MacLeod", "Fitzgerald", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann",
    "Van der Berg", "de Vries", "Jansen", "Bakker", "Moreau", "Lef\u00e8vre", "Bianchi", "Romano",
    "Esposito", "Ricci", "Mart\u00ednez", "L\u00f3pez", "Gonz\u00e1lez", "Hern\u00e1ndez", "P\u00e9rez",
    "S\u00e1nchez", "Ram\u00edrez", "Torres", "Ivanov", "Petrova", "Sokolov", "Kuznetsova", "Yilmaz",
    "\u00d6zt\u00fcrk", "Demir", "Sato", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Nakamura",
    "Ito", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Hu", "Guo", "Lin", "Choi", "Jung", "Kang",
    "Yoon", "Cohen", "Levi", "Mizrahi", "Haddad", "Khalil", "Hassan", "Rahman", "Hossain", "Ahmed",
    "Mensah", "Adeyemi", "Mwangi", "Ochieng", "Dlamini", "Brown", "Taylor", "Wilson", "Anderson",
    "Thomas", "Jackson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen",
    "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Carter", "Mitchell", "Roberts",
    "Campbell", "Stewart", "Morris", "Rogers", "Reed", "Cook", "Morgan", "Bell", "Cooper", "Richardson",
    "Cox", "Howard", "Ward", "Peterson", "Gray", "Hughes", "Price", "Sanders", "Bennett", "Wood",
    "Barnes", "Ross", "Henderson", "Coleman", "Jenkins", "Perry", "Powell", "Long", "Patterson",
    "Lindqvist", "Bergstr\u00f6m", "Sj\u00f6berg", "Haugen", "Halvorsen", "Kristensen", "\u00d8stergaard",
    "Wi\u015bniewski", "W\u00f3jcik", "Dvo\u0159\u00e1k", "Nagy", "Papadopoulos", "Georgiou", "Costa"};

inline constexpr std::array fore_names{
    "Anna", "Maria", "Elena", "Sofia", "Laura", "Julia", "Sarah", "Emily", "Hannah", "Olivia",
    "Chloe", "Ingrid", "Astrid", "Fatima", "Aisha", "Mei", "Yan", "Hui", "Xiaoling", "Yuki", "Akiko",
    "Min-Ji", "Seo-Yeon", "Priya", "Ananya", "Lucia", "Camila", "Beatriz", "Ana Paula", "Marie-Claire",
    "Fran\u00e7oise", "Ren\u00e9e", "Zo\u00eb", "Ines", "Katarzyna", "Agnieszka", "Olga", "Natalia",
    "Ay\u015fe", "Chiara", "Giulia", "Esther", "Rachel", "Grace", "Joanne", "Karen", "Susan", "Linda",
    "John", "James", "Michael", "David", "Robert", "William", "Richard", "Thomas", "Daniel", "Matthew",
    "Andrew", "Peter", "Paul", "Mark", "Stephen", "Christopher", "Jonathan", "Benjamin", "Samuel",
    "Lars", "Erik", "Jens", "Mikko", "Hans", "J\u00fcrgen", "Klaus", "Stefan", "Pierre", "Jean-Luc",
    "Fran\u00e7ois", "Giovanni", "Marco", "Luca", "Alessandro", "Jos\u00e9", "Juan Carlos", "Miguel",
    "Jo\u00e3o", "Pedro", "Rafael", "Tom\u00e1\u0161", "Piotr", "Krzysztof", "Dmitri", "Sergei",
    "Mehmet", "Ahmet", "Omar", "Mohammed", "Ali", "Hiroshi", "Takashi", "Kenji", "Wei", "Jian",
    "Hong-Wei", "Jun", "Zhi-Qiang", "Sung-Ho", "Ji-Hoon", "Rajesh", "Arjun", "Vikram", "Chukwuemeka",
    "Kwame", "Tendai", "Ben G", "Mary E", "Robert J", "Susan K", "David A", "J", "M", "K L", "R S"};

inline constexpr std::array suffixes{"Jr", "Sr", "2nd", "3rd", "III"};

inline constexpr std::array collective_names{
    "FIBRO-LDN Study Group", "Pain Outcomes Research Consortium", "Nordic Arthritis Registry Investigators",
    "Global Burden of Musculoskeletal Disease Collaborators", "Inflammatory Pain Network",
    "European Spondyloarthritis Cohort Collaboration", "Chronic Pain Trials Network",
    "Rheumatology Outcomes Working Group", "Neuroimmune Pain Consortium", "COVID-19 Rheumatology Alliance"};

inline constexpr std::array departments{
    "Rheumatology", "Anesthesiology", "Pain Medicine", "Internal Medicine", "Neurology", "Psychiatry",
    "Epidemiology", "Biostatistics", "Pharmacology", "Immunology", "Physical Medicine and Rehabilitation",
    "Family Medicine", "Orthopaedic Surgery", "Clinical Neurosciences", "Molecular Biology",
    "Public Health", "Nursing", "Pediatrics", "Cardiology", "Endocrinology"};

inline constexpr std::array institutions{
    "University of Northfield", "Karlsberg University Hospital", "Instituto de Investigaci\u00f3n Sanitaria del Sur",
    "St. Aldhelm's Hospital", "Faculty of Medicine, Universit\u00e9 de Valmont", "Riverside Medical Center",
    "Eastbay College of Medicine", "Klinikum Oberau", "Meridian Health Sciences University",
    "Graduate School of Medicine, Hoshino University", "Tianhe Medical University",
    "Seoul Central Hospital", "All Provinces Institute of Medical Sciences", "Harbourside University",
    "Centro Universit\u00e1rio de Sa\u00fade Atl\u00e2ntica", "Lakeshore Clinic for Rheumatic Diseases",
    "National Institute of Musculoskeletal Research", "Clinical Research Unit, Groenmark Medical Centre"};

inline constexpr std::array cities{
    "Boston, MA 02115, USA", "Palo Alto, CA 94304, USA", "Toronto, ON, Canada", "London, UK",
    "Edinburgh, UK", "Oslo, Norway", "Stockholm, Sweden", "Copenhagen, Denmark", "Helsinki, Finland",
    "Berlin, Germany", "M\u00fcnchen, Germany", "Paris, France", "Lyon, France", "Milan, Italy",
    "Madrid, Spain", "Barcelona, Spain", "Lisbon, Portugal", "S\u00e3o Paulo, Brazil", "Tokyo, Japan",
    "Shanghai, China", "Beijing, China", "Seoul, Republic of Korea", "New Delhi, India",
    "Melbourne, VIC, Australia", "Cape Town, South Africa", "Nairobi, Kenya", "Tel Aviv, Israel",
    "Istanbul, Turkey", "Krak\u00f3w, Poland", "Prague, Czech Republic"};

inline constexpr std::array email_domains{"univ-northfield.edu", "kuh.example.org", "meridian-hsu.ac.uk",
                                          "riverside-med.org", "hoshino-u.ac.jp", "tianhe-mu.edu.cn"};

inline constexpr std::array journals{
    Journal{"Journal of pain research", "J Pain Res", "New Zealand", "jpr"},
    Journal{"Pain medicine (Malden, Mass.)", "Pain Med", "England", "pm"},
    Journal{"Arthritis research & therapy", "Arthritis Res Ther", "England", "art"},
    Journal{"Clinical rheumatology", "Clin Rheumatol", "Germany", "clrh"},
    Journal{"Seminars in arthritis and rheumatism", "Semin Arthritis Rheum", "United States", "semarthrit"},
    Journal{"Rheumatology international", "Rheumatol Int", "Germany", "rhint"},
    Journal{"Journal of clinical medicine", "J Clin Med", "Switzerland", "jcm"},
    Journal{"Frontiers in immunology", "Front Immunol", "Switzerland", "fimmu"},
    Journal{"PloS one", "PLoS One", "United States", "journal.pone"},
    Journal{"Scientific reports", "Sci Rep", "England", "s41598"},
    Journal{"BMJ open", "BMJ Open", "England", "bmjopen"},
    Journal{"The Journal of pain", "J Pain", "United States", "jpain"},
    Journal{"European journal of pain (London, England)", "Eur J Pain", "England", "ejp"},
    Journal{"Brain, behavior, and immunity", "Brain Behav Immun", "Netherlands", "bbi"},
    Journal{"Journal of neuroinflammation", "J Neuroinflammation", "England", "jneuroinf"},
    Journal{"Annals of the rheumatic diseases", "Ann Rheum Dis", "England", "ard"},
    Journal{"Osteoarthritis and cartilage", "Osteoarthritis Cartilage", "England", "joca"},
    Journal{"Lupus", "Lupus", "England", "lup"},
    Journal{"Journal of psychosomatic research", "J Psychosom Res", "England", "jpsychores"},
    Journal{"Current pain and headache reports", "Curr Pain Headache Rep", "United States", "cphr"},
    Journal{"Nutrients", "Nutrients", "Switzerland", "nu"},
    Journal{"International journal of molecular sciences", "Int J Mol Sci", "Switzerland", "ijms"},
    Journal{"Cell reports", "Cell Rep", "United States", "celrep"},
    Journal{"The New England journal of medicine", "N Engl J Med", "United States", "NEJMoa"},
    Journal{"Lancet (London, England)", "Lancet", "England", "S0140-6736"},
    Journal{"JAMA internal medicine", "JAMA Intern Med", "United States", "jamainternmed"},
    Journal{"Zeitschrift f\u00fcr Rheumatologie", "Z Rheumatol", "Germany", "zrheum"},
    Journal{"Revue du rhumatisme (Ed. fran\u00e7aise : 1993)", "Rev Rhum Ed Fr", "France", "rhum"},
    Journal{"Medicina cl\u00ednica", "Med Clin (Barc)", "Spain", "medcli"},
    Journal{"Zhonghua yi xue za zhi", "Zhonghua Yi Xue Za Zhi", "China", "zhyxzz"},
    Journal{"Journal of biological chemistry", "J Biol Chem", "United States", "jbc"},
    Journal{"Neuroscience letters", "Neurosci Lett", "Ireland", "neulet"},
    Journal{"Cancer research", "Cancer Res", "United States", "canres"},
    Journal{"Diabetes care", "Diabetes Care", "United States", "dc"},
    Journal{"Hypertension (Dallas, Tex. : 1979)", "Hypertension", "United States", "hyp"},
    Journal{"Journal of affective disorders", "J Affect Disord", "Netherlands", "jad"},
    Journal{"Trials", "Trials", "England", "s13063"},
    Journal{"Cochrane database of systematic reviews", "Cochrane Database Syst Rev", "England", "14651858"},
    Journal{"Acta anaesthesiologica Scandinavica", "Acta Anaesthesiol Scand", "England", "aas"},
    Journal{"Journal of medical virology", "J Med Virol", "United States", "jmv"}};

// The topic: low-dose naltrexone and the conditions it is studied in.
inline constexpr std::array topic_conditions{
    Condition{{"D005356", "Fibromyalgia"}, "fibromyalgia"},
    Condition{{"D001172", "Arthritis, Rheumatoid"}, "rheumatoid arthritis"},
    Condition{{"D010003", "Osteoarthritis"}, "knee osteoarthritis"},
    Condition{{"D015535", "Arthritis, Psoriatic"}, "psoriatic arthritis"},
    Condition{{"D008180", "Lupus Erythematosus, Systemic"}, "systemic lupus erythematosus"},
    Condition{{"D012859", "Sjogren's Syndrome"}, "primary Sj\u00f6gren's syndrome"},
    Condition{{"D020918", "Complex Regional Pain Syndromes"}, "complex regional pain syndrome"},
    Condition{{"D017116", "Low Back Pain"}, "chronic low back pain"},
    Condition{{"D059350", "Chronic Pain"}, "chronic widespread pain"}};

inline constexpr std::array topic_agents{"low-dose naltrexone (LDN)", "low-dose naltrexone",
                                         "naltrexone 4.5 mg daily", "LDN", "ultra-low-dose naltrexone"};

inline constexpr std::array topic_keywords{"low-dose naltrexone", "LDN", "naltrexone", "fibromyalgia",
                                           "chronic pain", "microglia", "toll-like receptor 4",
                                           "opioid antagonist", "central sensitization", "arthritis"};

inline constexpr std::array topic_descriptors{
    Descriptor{"D009271", "Naltrexone"}, Descriptor{"D009292", "Narcotic Antagonists"},
    Descriptor{"D010147", "Pain Measurement"}, Descriptor{"D016896", "Treatment Outcome"},
    Descriptor{"D004311", "Double-Blind Method"}, Descriptor{"D018592", "Cross-Over Studies"},
    Descriptor{"D011788", "Quality of Life"}, Descriptor{"D017628", "Microglia"},
    Descriptor{"D051197", "Toll-Like Receptor 4"}, Descriptor{"D005221", "Fatigue"}};

inline constexpr std::array general_conditions{
    Condition{{"D003924", "Diabetes Mellitus, Type 2"}, "type 2 diabetes"},
    Condition{{"D006973", "Hypertension"}, "hypertension"},
    Condition{{"D003863", "Depression"}, "major depressive disorder"},
    Condition{{"D001007", "Anxiety"}, "generalized anxiety"},
    Condition{{"D009765", "Obesity"}, "obesity"},
    Condition{{"D012893", "Sleep Wake Disorders"}, "insomnia"},
    Condition{{"D009103", "Multiple Sclerosis"}, "relapsing-remitting multiple sclerosis"},
    Condition{{"D003424", "Crohn Disease"}, "Crohn's disease"},
    Condition{{"D000086382", "COVID-19"}, "COVID-19"},
    Condition{{"D009369", "Neoplasms"}, "solid tumours"},
    Condition{{"D001714", "Bipolar Disorder"}, "bipolar disorder"},
    Condition{{"D006333", "Heart Failure"}, "heart failure with preserved ejection fraction"},
    Condition{{"D001249", "Asthma"}, "severe asthma"},
    Condition{{"D003141", "Communicable Diseases"}, "community-acquired infection"},
    Condition{{"D008545", "Melanoma"}, "cutaneous melanoma"},
    Condition{{"D001943", "Breast Neoplasms"}, "early breast cancer"},
    Condition{{"D000544", "Alzheimer Disease"}, "Alzheimer's disease"},
    Condition{{"D010300", "Parkinson Disease"}, "Parkinson's disease"},
    Condition{{"D008881", "Migraine Disorders"}, "episodic migraine"},
    Condition{{"D007410", "Intestinal Diseases"}, "irritable bowel syndrome"}};

inline constexpr std::array general_agents{
    "metformin", "semaglutide", "atorvastatin", "vitamin D supplementation", "aerobic exercise",
    "cognitive behavioural therapy", "mindfulness-based stress reduction", "duloxetine", "pregabalin",
    "amitriptyline", "methotrexate", "adalimumab", "tofacitinib", "hydroxychloroquine", "celecoxib",
    "acupuncture", "transcranial magnetic stimulation", "a Mediterranean diet", "probiotic supplementation",
    "intravenous ketamine", "buprenorphine", "tai chi", "a nurse-led education programme"};

inline constexpr std::array general_descriptors{
    Descriptor{"D015415", "Biomarkers"}, Descriptor{"D008279", "Magnetic Resonance Imaging"},
    Descriptor{"D012307", "Risk Factors"}, Descriptor{"D012189", "Retrospective Studies"},
    Descriptor{"D011446", "Prospective Studies"}, Descriptor{"D015331", "Cohort Studies"},
    Descriptor{"D003430", "Cross-Sectional Studies"}, Descriptor{"D007249", "Inflammation"},
    Descriptor{"D016207", "Cytokines"}, Descriptor{"D001921", "Brain"},
    Descriptor{"D015870", "Gene Expression"}, Descriptor{"D016896", "Treatment Outcome"},
    Descriptor{"D011788", "Quality of Life"}, Descriptor{"D010146", "Pain"},
    Descriptor{"D000700", "Analgesics"}, Descriptor{"D000701", "Analgesics, Opioid"},
    Descriptor{"D011795", "Surveys and Questionnaires"}, Descriptor{"D016016", "Proportional Hazards Models"},
    Descriptor{"D015994", "Incidence"}, Descriptor{"D017677", "Age Distribution"},
    Descriptor{"D009154", "Mutation"}, Descriptor{"D002460", "Cell Line"},
    Descriptor{"D018414", "CD8-Positive T-Lymphocytes"}, Descriptor{"D016212", "Transforming Growth Factor beta"},
    Descriptor{"D020123", "Sirolimus"}, Descriptor{"D004305", "Dose-Response Relationship, Drug"}};

inline constexpr Descriptor humans{"D006801", "Humans"};

inline constexpr std::array check_tags_human{
    Descriptor{"D005260", "Female"}, Descriptor{"D008297", "Male"}, Descriptor{"D000328", "Adult"},
    Descriptor{"D008875", "Middle Aged"}, Descriptor{"D000368", "Aged"}, Descriptor{"D055815", "Young Adult"},
    Descriptor{"D000293", "Adolescent"}, Descriptor{"D002648", "Child"}};

inline constexpr std::array check_tags_animal{
    Descriptor{"D000818", "Animals"}, Descriptor{"D051379", "Mice"}, Descriptor{"D051381", "Rats"},
    Descriptor{"D008810", "Mice, Inbred C57BL"}, Descriptor{"D017207", "Rats, Sprague-Dawley"}};

inline constexpr std::array qualifiers{
    Descriptor{"Q000188", "drug therapy"}, Descriptor{"Q000627", "therapeutic use"},
    Descriptor{"Q000008", "administration & dosage"}, Descriptor{"Q000009", "adverse effects"},
    Descriptor{"Q000494", "pharmacology"}, Descriptor{"Q000175", "diagnosis"},
    Descriptor{"Q000453", "epidemiology"}, Descriptor{"Q000209", "etiology"},
    Descriptor{"Q000628", "therapy"}, Descriptor{"Q000378", "metabolism"},
    Descriptor{"Q000235", "genetics"}, Descriptor{"Q000503", "physiopathology"},
    Descriptor{"Q000150", "complications"}, Descriptor{"Q000523", "psychology"},
    Descriptor{"Q000097", "blood"}, Descriptor{"Q000276", "immunology"},
    Descriptor{"Q000473", "pathology"}, Descriptor{"Q000379", "methods"},
    Descriptor{"Q000706", "statistics & numerical data"}};

inline constexpr std::array topic_chemicals{
    Chemical{"5S6W795CQM", "D009271", "Naltrexone"}, Chemical{"0", "D009292", "Narcotic Antagonists"},
    Chemical{"0", "D000700", "Analgesics"}, Chemical{"0", "D051197", "Toll-Like Receptor 4"}};

inline constexpr std::array general_chemicals{
    Chemical{"0", "D016207", "Cytokines"}, Chemical{"0", "D015415", "Biomarkers"},
    Chemical{"9100L32L2N", "D008687", "Metformin"}, Chemical{"A0JWA85V8F", "D000069583", "Atorvastatin"},
    Chemical{"1406-16-2", "D014807", "Vitamin D"}, Chemical{"55JG375S6M", "D000069464", "Pregabalin"},
    Chemical{"O5TNM5N07U", "D000068736", "Duloxetine Hydrochloride"}, Chemical{"YL5FZ2Y5U1", "D008727", "Methotrexate"},
    Chemical{"0", "D018501", "Antirheumatic Agents"}, Chemical{"0", "D000893", "Anti-Inflammatory Agents"},
    Chemical{"0", "D018712", "Analgesics, Non-Narcotic"}, Chemical{"0", "D007378", "Interleukin-6"},
    Chemical{"0", "D014409", "Tumor Necrosis Factor-alpha"}, Chemical{"EC 2.7.11.1", "D017346", "Protein Serine-Threonine Kinases"}};

struct PublicationType {
    std::string_view ui;
    std::string_view name;
};

inline constexpr PublicationType journal_article{"D016428", "Journal Article"};
inline constexpr PublicationType retracted_publication{"D016441", "Retracted Publication"};
inline constexpr PublicationType retraction_notice{"D016440", "Retraction of Publication"};

// A study design as it shows in the publication types, the abstract's methods and the title.
struct Design {
    std::array<PublicationType, 2> types;  // besides Journal Article; an empty name means none
    std::string_view phrase;               // "a randomized, double-blind, placebo-controlled trial"
    std::string_view title_phrase;         // "a randomized controlled trial"
};

inline constexpr std::array designs{
    Design{{PublicationType{"D016449", "Randomized Controlled Trial"}, PublicationType{"D016448", "Multicenter Study"}},
           "a randomized, double-blind, placebo-controlled trial", "a randomized controlled trial"},
    Design{{PublicationType{"D016449", "Randomized Controlled Trial"}, PublicationType{}},
           "a single-centre, randomized, crossover trial", "a randomized crossover trial"},
    Design{{PublicationType{"D016454", "Review"}, PublicationType{"D017418", "Meta-Analysis"}},
           "a systematic review and meta-analysis of randomized trials", "a systematic review and meta-analysis"},
    Design{{PublicationType{"D000078182", "Systematic Review"}, PublicationType{"D016454", "Review"}},
           "a systematic review of published studies", "a systematic review"},
    Design{{PublicationType{"D016430", "Clinical Trial"}, PublicationType{}},
           "an open-label, single-arm pilot study", "an open-label pilot study"},
    Design{{PublicationType{"D064888", "Observational Study"}, PublicationType{}},
           "a prospective cohort study", "a prospective cohort study"},
    Design{{PublicationType{"D064888", "Observational Study"}, PublicationType{}},
           "a population-based cross-sectional survey", "a cross-sectional study"},
    Design{{PublicationType{"D003160", "Comparative Study"}, PublicationType{}},
           "a retrospective case-control study", "a case-control study"},
    Design{{PublicationType{"D002363", "Case Reports"}, PublicationType{}}, "a case report", "a case report"},
    Design{{PublicationType{"D016454", "Review"}, PublicationType{}}, "a narrative review of the literature",
           "a narrative review"},
    Design{{PublicationType{"D023362", "Evaluation Study"}, PublicationType{}},
           "an experimental study in a murine model", "an experimental study"}};

inline constexpr std::array funding_types{
    PublicationType{"D013485", "Research Support, Non-U.S. Gov't"},
    PublicationType{"D052061", "Research Support, N.I.H., Extramural"},
    PublicationType{"D013486", "Research Support, U.S. Gov't, Non-P.H.S."}};

inline constexpr std::array letter_types{
    PublicationType{"D016422", "Letter"}, PublicationType{"D016420", "Comment"},
    PublicationType{"D016421", "Editorial"}};

inline constexpr std::array outcomes{
    "pain intensity", "the Fibromyalgia Impact Questionnaire score", "fatigue severity", "sleep quality",
    "health-related quality of life", "the number of tender joints", "serum interleukin-6 concentrations",
    "erythrocyte sedimentation rate", "disease activity (DAS28-CRP)", "physical function",
    "depressive symptoms", "pressure pain threshold", "mortality", "hospital readmission",
    "glycated haemoglobin", "systolic blood pressure", "cognitive performance", "opioid consumption",
    "the Patient Global Impression of Change", "work productivity", "mean arterial pressure",
    "time to relapse", "progression-free survival", "anxiety scores"};

inline constexpr std::array instruments{
    "a 0-10 numeric rating scale", "the Brief Pain Inventory", "the revised Fibromyalgia Impact Questionnaire",
    "the SF-36", "the Pittsburgh Sleep Quality Index", "the Hospital Anxiety and Depression Scale",
    "the WOMAC index", "the Health Assessment Questionnaire", "actigraphy", "quantitative sensory testing",
    "functional magnetic resonance imaging", "a validated food-frequency questionnaire", "electronic health records"};

inline constexpr std::array settings{
    "three tertiary rheumatology clinics", "a university pain centre", "primary care practices",
    "a national registry", "an online patient community", "twelve outpatient clinics",
    "a nationwide insurance claims database", "a community hospital", "two specialist clinics"};

inline constexpr std::array populations{"adults", "women", "patients", "participants", "older adults",
                                        "veterans", "outpatients", "adolescents"};

inline constexpr std::array mechanisms{
    "glial activation", "toll-like receptor 4 signalling", "endogenous opioid tone",
    "central sensitization", "pro-inflammatory cytokine release", "mitochondrial dysfunction",
    "oxidative stress", "synaptic plasticity", "T-cell proliferation", "autophagy", "insulin resistance",
    "microbiome composition", "NF-\u03baB activation"};

inline constexpr std::array adverse_events{"vivid dreams", "insomnia", "headache", "nausea", "dizziness",
                                           "transient fatigue", "dry mouth", "constipation"};

inline constexpr std::array genes{"TLR4", "OPRM1", "COMT", "IL6", "TNF", "BDNF", "NLRP3", "MTOR", "STAT3",
                                  "HLA-B27", "PTPN22", "FTO", "APOE", "TP53", "KRAS"};

inline constexpr std::array author_keywords{
    "inflammation", "neuroinflammation", "quality of life", "randomized controlled trial", "cohort",
    "biomarkers", "pain", "depression", "machine learning", "real-world evidence", "exercise",
    "epidemiology", "pharmacovigilance", "primary care", "sleep", "fatigue", "cytokines", "meta-analysis",
    "COVID-19", "telemedicine", "patient-reported outcomes", "MRI", "gene expression", "mortality"};

struct GrantAgency {
    std::string_view agency;
    std::string_view acronym;
    std::string_view country;
};

inline constexpr std::array grant_agencies{
    GrantAgency{"NIAMS NIH HHS", "AR", "United States"}, GrantAgency{"NINDS NIH HHS", "NS", "United States"},
    GrantAgency{"NIDA NIH HHS", "DA", "United States"}, GrantAgency{"NCCIH NIH HHS", "AT", "United States"},
    GrantAgency{"NHLBI NIH HHS", "HL", "United States"}, GrantAgency{"Medical Research Council", "MRC_", "United Kingdom"},
    GrantAgency{"Wellcome Trust", "WT_", "United Kingdom"}, GrantAgency{"Versus Arthritis", "", "United Kingdom"},
    GrantAgency{"Deutsche Forschungsgemeinschaft", "", "Germany"}};

// Non-English records: the language code and a vernacular title that reads like that language.
struct Vernacular {
    std::string_view language;
    std::string_view title;
};

inline constexpr std::array vernaculars{
    Vernacular{"fre", "Naltrexone \u00e0 faible dose dans la fibromyalgie : revue de la litt\u00e9rature."},
    Vernacular{"ger", "Niedrig dosiertes Naltrexon bei chronischen Schmerzen: eine \u00dcbersicht."},
    Vernacular{"spa", "Tratamiento del dolor cr\u00f3nico en atenci\u00f3n primaria: estudio transversal."},
    Vernacular{"ita", "Efficacia dell'esercizio fisico nell'artrite reumatoide: studio osservazionale."},
    Vernacular{"chi", "\u4f4e\u5242\u91cf\u7eb3\u66f2\u916e\u6cbb\u7597\u7ea4\u7ef4\u808c\u75db\u7684\u4e34\u5e8a\u89c2\u5bdf"},
    Vernacular{"jpn", "\u7dda\u7dad\u7b4b\u75db\u75c7\u306b\u304a\u3051\u308b\u75bc\u75db\u306e\u8a55\u4fa1"},
    Vernacular{"por", "Preval\u00eancia de dor cr\u00f4nica em adultos: estudo de base populacional."}};

inline constexpr std::array month_names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
inline constexpr std::array seasons{"Spring", "Summer", "Fall", "Winter"};

}  // namespace ldn::bench::vocabulary
