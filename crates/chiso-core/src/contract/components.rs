//! The published components of each index: PCI's sub-indices, PAPI's dimensions, SIPAS's
//! elements, the ICT Index's sub-indices and the DVC index's groups, with the names their
//! publishers give them and the years they exist, and the years an index or a component is
//! known to have no figure. A component is the indicator `<family>.<id>`
//! (`pci.labor_training`). Sources: `docs/sources/index-components.md`.

/// Years in which an index has no figure for a reason known in advance: a missing figure
/// there is normal, never zero and never a unit's failure to report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownGap {
    /// First and last year, inclusive; `i32::MAX` while it lasts.
    pub years: (i32, i32),
    /// A word or two for the gap on the chart, then the reason in a sentence, in Vietnamese
    /// and English.
    pub label: [&'static str; 2],
    pub reason: [&'static str; 2],
}

/// One component of an index.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Component {
    /// Its id within the family; the indicator id is `<family>.<id>`.
    pub id: &'static str,
    /// The publisher's short name, in Vietnamese and English.
    pub short: [&'static str; 2],
    /// The long form, in Vietnamese and English.
    pub long: [&'static str; 2],
    /// Earlier or other published names, either language, for reading pasted tables.
    pub other: &'static [&'static str],
    /// First and last year it is published, inclusive; `i32::MAX` while it lasts.
    pub years: (i32, i32),
    /// Years within `years` whose figure the publisher prints as N/A.
    pub gaps: &'static [KnownGap],
    /// Its own maximum, where a family's components weigh differently (the DVC index's groups).
    pub max: Option<f64>,
}

/// How a family's components are scored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Parts {
    /// The scale each component lies on, unless the component has its own `max`.
    pub scale: (f64, f64),
    pub percent: bool,
    pub list: &'static [Component],
}

impl Parts {
    pub const NONE: Parts = Parts {
        scale: (0.0, 0.0),
        percent: false,
        list: &[],
    };

    pub fn get(&self, id: &str) -> Option<&'static Component> {
        self.list.iter().find(|c| c.id == id)
    }
}

impl Component {
    pub fn exists_in(&self, year: i32) -> bool {
        (self.years.0..=self.years.1).contains(&year)
    }
}

const fn part(
    id: &'static str,
    short: [&'static str; 2],
    long: [&'static str; 2],
    other: &'static [&'static str],
    from: i32,
) -> Component {
    Component {
        id,
        short,
        long,
        other,
        years: (from, i32::MAX),
        gaps: &[],
        max: None,
    }
}

const NOT_PRINTED: KnownGap = KnownGap {
    years: (2009, 2012),
    label: ["N/A", "N/A"],
    reason: [
        "VCCI in N/A cho Cạnh tranh bình đẳng các năm 2009–2012",
        "VCCI prints Policy Bias as N/A for 2009–2012",
    ],
};

/// PCI's ten sub-indices on a 10-point scale, since 2006; sub-index 8 renamed in 2021.
pub const PCI: Parts = Parts {
    scale: (0.0, 10.0),
    percent: false,
    list: &[
        part(
            "entry_costs",
            ["Gia nhập thị trường", "Entry Costs"],
            ["Chi phí gia nhập thị trường", "Entry Costs"],
            &["entry cost for new firms"],
            2006,
        ),
        part(
            "land_access",
            ["Tiếp cận đất đai", "Access to land"],
            [
                "Tiếp cận đất đai và sự ổn định trong sử dụng đất",
                "Land Access and Security of Tenure",
            ],
            &["Land Access"],
            2006,
        ),
        part(
            "transparency",
            ["Tính minh bạch", "Transparency"],
            [
                "Tính minh bạch và tiếp cận thông tin",
                "Transparency and Access to Information",
            ],
            &[],
            2006,
        ),
        part(
            "time_costs",
            ["Chi phí thời gian", "Time Costs"],
            [
                "Chi phí thời gian để thực hiện các quy định của Nhà nước",
                "Time Costs and Regulatory Compliance",
            ],
            &["time costs of regulatory compliance"],
            2006,
        ),
        part(
            "informal_charges",
            ["Chi phí không chính thức", "Informal Charges"],
            ["Chi phí không chính thức", "Informal Charges"],
            &[],
            2006,
        ),
        Component {
            gaps: &[NOT_PRINTED],
            ..part(
                "policy_bias",
                ["Cạnh tranh bình đẳng", "Policy Bias"],
                ["Cạnh tranh bình đẳng", "Policy Bias"],
                &["equal competition", "Môi trường cạnh tranh"],
                2006,
            )
        },
        part(
            "proactivity",
            ["Tính năng động", "Proactivity"],
            [
                "Tính năng động và tiên phong của chính quyền tỉnh",
                "Proactivity of Provincial Leadership",
            ],
            &["Dynamism", "Tính năng động của chính quyền tỉnh"],
            2006,
        ),
        part(
            "business_support",
            ["Hỗ trợ doanh nghiệp", "Business Support"],
            ["Chính sách hỗ trợ doanh nghiệp", "Business Support Policy"],
            &[
                "Dịch vụ hỗ trợ doanh nghiệp",
                "Business Support Services",
                "Chính sách phát triển khu vực kinh tế tư nhân",
            ],
            2006,
        ),
        part(
            "labor_training",
            ["Đào tạo lao động", "Labor Policy"],
            ["Đào tạo lao động", "Labor & Training"],
            &["Labor Training", "Labour Policy"],
            2006,
        ),
        part(
            "law_and_order",
            ["Thiết chế pháp lý", "Law & Order"],
            ["Thiết chế pháp lý và an ninh trật tự", "Legal Institutions"],
            &["Thiết chế pháp lý & an ninh trật tự", "Law and Order"],
            2006,
        ),
    ],
};

/// PAPI's dimensions, each out of 10: six from 2009, eight from 2018.
pub const PAPI: Parts = Parts {
    scale: (1.0, 10.0),
    percent: false,
    list: &[
        part(
            "participation",
            ["Tham gia của người dân ở cấp cơ sở", "Participation"],
            [
                "Tham gia của người dân ở cấp cơ sở",
                "Participation at Local Levels",
            ],
            &[],
            2009,
        ),
        part(
            "transparency",
            ["Công khai, minh bạch", "Transparency"],
            [
                "Công khai, minh bạch trong việc ra quyết định ở địa phương",
                "Transparency in Local Decision-making",
            ],
            &[],
            2009,
        ),
        part(
            "vertical_accountability",
            [
                "Trách nhiệm giải trình với người dân",
                "Vertical Accountability",
            ],
            [
                "Trách nhiệm giải trình với người dân",
                "Vertical Accountability Towards Citizens",
            ],
            &[],
            2009,
        ),
        part(
            "control_of_corruption",
            ["Kiểm soát tham nhũng", "Control of Corruption"],
            [
                "Kiểm soát tham nhũng trong khu vực công",
                "Control of Corruption in the Public Sector",
            ],
            &[],
            2009,
        ),
        part(
            "public_admin_procedures",
            [
                "Thủ tục hành chính công",
                "Public Administrative Procedures",
            ],
            [
                "Thủ tục hành chính công",
                "Public Administrative Procedures",
            ],
            &[],
            2009,
        ),
        part(
            "public_service_delivery",
            ["Cung ứng dịch vụ công", "Public Service Delivery"],
            ["Cung ứng dịch vụ công", "Public Service Delivery"],
            &[],
            2009,
        ),
        part(
            "environmental_governance",
            ["Quản trị môi trường", "Environmental Governance"],
            ["Quản trị môi trường", "Environmental Governance"],
            &[],
            2018,
        ),
        part(
            "e_governance",
            ["Quản trị điện tử", "E-Governance"],
            ["Quản trị điện tử", "E-Governance"],
            &["Chính phủ điện tử"],
            2018,
        ),
    ],
};

/// SIPAS's five elements of satisfaction, in percent, as set by Decision 2640/QĐ-BNV for
/// 2017–2020 (the set after 2020 is not confirmed). English names are working translations.
pub const SIPAS: Parts = Parts {
    scale: (0.0, 100.0),
    percent: true,
    list: &[
        Component {
            years: (2017, 2020),
            ..part(
                "service_access",
                ["Tiếp cận dịch vụ", "Access to services"],
                ["Tiếp cận dịch vụ", "Access to services"],
                &[],
                2017,
            )
        },
        Component {
            years: (2017, 2020),
            ..part(
                "admin_procedures",
                ["Thủ tục hành chính", "Administrative procedures"],
                ["Thủ tục hành chính", "Administrative procedures"],
                &[],
                2017,
            )
        },
        Component {
            years: (2017, 2020),
            ..part(
                "civil_servants",
                ["Công chức giải quyết công việc", "Civil servants"],
                [
                    "Công chức trực tiếp giải quyết công việc",
                    "Civil servants handling the case",
                ],
                &[],
                2017,
            )
        },
        Component {
            years: (2017, 2020),
            ..part(
                "service_results",
                ["Kết quả dịch vụ", "Service results"],
                ["Kết quả dịch vụ", "Service results"],
                &[],
                2017,
            )
        },
        Component {
            years: (2017, 2020),
            ..part(
                "feedback_handling",
                ["Tiếp nhận, giải quyết góp ý, PAKN", "Feedback handling"],
                [
                    "Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị",
                    "Receiving and handling feedback and petitions",
                ],
                &[],
                2017,
            )
        },
    ],
};

/// The ICT Index's sub-indices on 0–1, as named in the 2016, 2019 and 2023 editions; the set
/// changes between editions, so each is known only in the years it was seen.
pub const ICT_INDEX: Parts = Parts {
    scale: (0.0, 1.0),
    percent: false,
    list: &[
        part(
            "technical_infrastructure",
            ["Hạ tầng kỹ thuật", "Technical infrastructure"],
            ["Hạ tầng kỹ thuật", "Technical infrastructure"],
            &[],
            2016,
        ),
        part(
            "human_resources",
            ["Hạ tầng nhân lực", "Human resources infrastructure"],
            ["Hạ tầng nhân lực", "Human resources infrastructure"],
            &[],
            2016,
        ),
        part(
            "it_application",
            ["Ứng dụng CNTT", "IT application"],
            ["Ứng dụng công nghệ thông tin", "IT application"],
            &[],
            2016,
        ),
        Component {
            years: (2019, 2020),
            ..part(
                "online_public_services",
                ["Dịch vụ công trực tuyến", "Online public services"],
                ["Dịch vụ công trực tuyến", "Online public services"],
                &[],
                2019,
            )
        },
        part(
            "it_industry",
            ["Công nghiệp CNTT", "IT industry"],
            ["Công nghiệp công nghệ thông tin", "IT industry"],
            &[],
            2023,
        ),
    ],
};

const fn group(
    id: &'static str,
    short: [&'static str; 2],
    other: &'static [&'static str],
    max: f64,
) -> Component {
    Component {
        max: Some(max),
        ..part(id, short, short, other, 2022)
    }
}

/// The five groups of Decision 766/QĐ-TTg (2022), out of 100 points together; English names
/// are working translations.
pub const DVC_INDEX: Parts = Parts {
    scale: (0.0, 100.0),
    percent: false,
    list: &[
        group(
            "publicity_transparency",
            ["Công khai, minh bạch", "Publicity and transparency"],
            &[],
            18.0,
        ),
        group(
            "processing_progress",
            [
                "Tiến độ, kết quả giải quyết",
                "Processing progress and results",
            ],
            &["Tiến độ giải quyết"],
            20.0,
        ),
        group(
            "record_digitisation",
            ["Số hóa hồ sơ", "Digitisation of records"],
            &["Số hoá hồ sơ"],
            22.0,
        ),
        group(
            "online_service_provision",
            ["Cung cấp dịch vụ trực tuyến", "Online service provision"],
            &["Dịch vụ công trực tuyến"],
            22.0,
        ),
        group(
            "satisfaction",
            ["Mức độ hài lòng", "Satisfaction level"],
            &[],
            18.0,
        ),
    ],
};
