import type { Workspace } from '@thidua/shared/policy';

/**
 * The short guides per kind of work, in Vietnamese first (English for the language switch). Each names
 * the workspaces it explains, so the help page puts the caller's own work first (by the same policy
 * decision that builds the menu) and a page links to the guide of its own workspace.
 */
export type Text = { vi: string; en: string };

export interface Guide {
  id: 'filing' | 'signing_off' | 'reviewing' | 'consolidating' | 'voting' | 'signing' | 'administering';
  title: Text;
  /** Who this is for, in a line. */
  audience: Text;
  workspaces: readonly Workspace[];
  /** Paths (prefixes) of the pages this guide explains. */
  paths: readonly string[];
  steps: readonly Text[];
  tips: readonly Text[];
}

export const guides: readonly Guide[] = [
  {
    id: 'filing',
    title: { vi: 'Nộp báo cáo, đăng ký, bảng điểm', en: 'Filing reports, registrations and scorecards' },
    audience: {
      vi: 'Cán bộ xã, phường, đặc khu và cán bộ các sở, ngành',
      en: 'Commune and ward officers, department officers',
    },
    workspaces: ['unit_work'],
    paths: ['/home', '/submissions'],
    steps: [
      {
        vi: 'Mở "Trang chủ": mỗi phong trào liệt kê các biểu mẫu đơn vị phải nộp, kỳ báo cáo, hạn nộp và tình trạng.',
        en: 'Open "Home": each campaign lists the forms your unit must file, the period, the deadline and the status.',
      },
      {
        vi: 'Bấm "Bắt đầu" (hoặc "Tiếp tục") để mở biểu mẫu. Số liệu được lưu tự động từng ô, kể cả khi mất mạng; khi có mạng lại, máy tự gửi lên.',
        en: 'Press "Start" (or "Continue") to open the form. Figures are saved field by field, even offline; they are sent when the connection returns.',
      },
      {
        vi: 'Đính kèm minh chứng (PDF, Word, Excel, ảnh). Tệp được kiểm tra định dạng và quét mã độc trước khi được tính.',
        en: 'Attach evidence (PDF, Word, Excel, images). Files are checked and scanned before they count.',
      },
      {
        vi: 'Bấm "Gửi". Nếu còn ô sai, danh sách lỗi ở đầu trang dẫn tới từng ô. Nếu đơn vị có ký duyệt, báo cáo chờ lãnh đạo đơn vị ký trước khi lên cấp trên.',
        en: 'Press "Submit". If a field is wrong, the list of errors at the top leads to each one. If your unit signs off, the report waits for the head first.',
      },
      {
        vi: 'Khi bị trả lại: đọc lý do và nhận xét ở từng ô, sửa, rồi gửi lại. Lịch sử ghi mọi lần gửi, duyệt, trả lại.',
        en: 'When returned: read the reason and the comments on fields, correct, and submit again. The history keeps every step.',
      },
    ],
    tips: [
      {
        vi: 'Dùng được trên điện thoại: mọi trang hiển thị ở màn hình 360 px.',
        en: 'Works on phones: every page fits a 360-px screen.',
      },
      {
        vi: 'Không nhập thông tin thuộc bí mật nhà nước ("Mật") vào hệ thống.',
        en: 'Never enter classified information ("Mật") in this system.',
      },
    ],
  },
  {
    id: 'signing_off',
    title: { vi: 'Ký duyệt báo cáo của đơn vị', en: "Signing off the unit's reports" },
    audience: { vi: 'Lãnh đạo đơn vị', en: 'Unit heads' },
    workspaces: ['inbox'],
    paths: ['/inbox'],
    steps: [
      {
        vi: 'Mở "Hộp việc": các báo cáo cán bộ của đơn vị đã gửi đang chờ anh/chị ký duyệt.',
        en: "Open the inbox: your officers' reports waiting for your sign-off.",
      },
      {
        vi: 'Xem số liệu và minh chứng, rồi "Ký duyệt" để gửi lên cấp trên, hoặc "Trả lại" kèm lý do.',
        en: 'Check the figures and evidence, then "Sign off" to send it up, or "Return" with a reason.',
      },
    ],
    tips: [
      {
        vi: 'Người đã lập báo cáo không tự ký duyệt báo cáo của mình.',
        en: 'The person who filled a report may not sign it off.',
      },
    ],
  },
  {
    id: 'reviewing',
    title: { vi: 'Xét duyệt báo cáo của cấp dưới', en: 'Reviewing the reports of units below' },
    audience: {
      vi: 'Cán bộ thẩm định cấp tỉnh (cơ quan thường trực) và cấp trên trực tiếp',
      en: 'Reviewers at the province (standing agency) and at the level above',
    },
    workspaces: ['inbox', 'completeness', 'campaign_reports', 'campaign_export'],
    paths: ['/inbox', '/completeness', '/campaigns'],
    steps: [
      {
        vi: 'Mở "Hộp việc": lọc theo phong trào, biểu mẫu, kỳ, tình trạng, đơn vị hoặc quá hạn.',
        en: 'Open the inbox: filter by campaign, form, period, status, unit or overdue.',
      },
      {
        vi: 'Mở một báo cáo: phần "Thay đổi" cho thấy những gì khác so với lần gửi trước.',
        en: 'Open a report: "Changes" shows what differs from the previous submission.',
      },
      {
        vi: '"Duyệt" để chuyển lên cấp trên (hoặc hoàn tất ở cấp cuối), "Trả lại" kèm lý do để đơn vị sửa, "Không đủ điều kiện" để từ chối.',
        en: '"Approve" forwards it (or completes it at the last level), "Return" with a reason sends it back, "Ineligible" rejects it.',
      },
      {
        vi: '"Tiến độ nộp" cho biết đơn vị nào đã nộp, đơn vị nào chưa; "Phong trào" tổng hợp số liệu và xuất Excel.',
        en: '"Completeness" shows who has filed and who has not; "Campaigns" sums the figures and exports to Excel.',
      },
    ],
    tips: [
      {
        vi: 'Khi hai người cùng xử lý một báo cáo, người sau được báo và thấy tình trạng mới nhất; không có thao tác nào bị ghi đè.',
        en: 'When two people act on one report, the second is told and sees the latest state; nothing is overwritten.',
      },
    ],
  },
  {
    id: 'consolidating',
    title: { vi: 'Tổng hợp đề nghị khen thưởng (tờ trình)', en: 'Consolidating nominations (tờ trình)' },
    audience: { vi: 'Cán bộ thẩm định, cơ quan thường trực', en: 'Reviewers and the standing agency' },
    workspaces: ['consolidation', 'batch_review', 'disclosures', 'council'],
    paths: [
      '/commendations/consolidate',
      '/commendations/batches',
      '/commendations/disclosures',
      '/commendations/council',
    ],
    steps: [
      {
        vi: 'Chọn các hồ sơ đề nghị đã được duyệt, lập tờ trình, xem trước văn bản và gửi lên tỉnh.',
        en: 'Pick the approved nominations, make the tờ trình, preview the document and send it to the province.',
      },
      {
        vi: 'Ở tỉnh: thẩm định tờ trình, công khai danh sách lấy ý kiến nhân dân, rồi đưa vào phiên họp Hội đồng.',
        en: 'At the province: check the tờ trình, disclose the list for public comment, then put it on the council agenda.',
      },
      {
        vi: 'Khi Hội đồng bỏ phiếu xong, đóng phiên họp để khóa kết quả và lập biên bản; dự thảo quyết định chuyển tới người ký.',
        en: 'When the council has voted, close the session to freeze the results and make the minutes; the draft decision goes to the signer.',
      },
    ],
    tips: [
      {
        vi: 'Mọi bước không thể hoàn tác (gửi, duyệt, đóng phiên, ký) đều hỏi xác nhận và được ghi vào nhật ký.',
        en: 'Every step that cannot be undone (send, approve, close, sign) asks for confirmation and is audited.',
      },
    ],
  },
  {
    id: 'voting',
    title: {
      vi: 'Bỏ phiếu tại Hội đồng Thi đua - Khen thưởng',
      en: 'Voting in the emulation-commendation council',
    },
    audience: { vi: 'Thành viên Hội đồng', en: 'Council members' },
    workspaces: ['ballot'],
    paths: ['/commendations/vote'],
    steps: [
      {
        vi: 'Mở "Bỏ phiếu": các phiên họp đang mở và danh sách đề nghị, kèm hồ sơ và ý kiến nhân dân.',
        en: 'Open "Vote": the open sessions and their nominations, with the dossier and public comments.',
      },
      {
        vi: 'Chọn "Đồng ý", "Không đồng ý" (hoặc "Không biểu quyết" nếu loại khen thưởng cho phép) cho từng người, rồi gửi phiếu.',
        en: 'Choose "Agree", "Disagree" (or "Abstain" where the award allows) for each nominee, then cast the ballot.',
      },
    ],
    tips: [
      {
        vi: 'Phiếu kín: hệ thống chỉ lưu việc anh/chị đã bỏ phiếu và các lựa chọn không kèm tên người bỏ phiếu.',
        en: 'Secret ballot: the system stores that you voted, and the choices without the voter.',
      },
    ],
  },
  {
    id: 'signing',
    title: { vi: 'Ký quyết định khen thưởng', en: 'Signing the commendation decision' },
    audience: { vi: 'Chủ tịch, Phó Chủ tịch được ủy quyền', en: 'The chair, or a deputy by delegation' },
    workspaces: ['signature'],
    paths: ['/commendations/sign'],
    steps: [
      {
        vi: 'Mở "Ký quyết định": các phiên họp đã có kết quả, dự thảo quyết định và danh sách được khen.',
        en: 'Open "Sign": the sessions with results, the draft decision and the list of awardees.',
      },
      {
        vi: 'Kiểm tra dự thảo; khi ký, hệ thống cho biết số quyết định sẽ được cấp và quyết định sẽ được công bố.',
        en: 'Check the draft; when signing, the app says which number will be taken and that the decision will be published.',
      },
    ],
    tips: [
      {
        vi: 'Quyết định đã ký có thể bị thu hồi bằng một quyết định thu hồi, không bị sửa.',
        en: 'A signed decision can be revoked by a revocation decision, never edited.',
      },
    ],
  },
  {
    id: 'administering',
    title: {
      vi: 'Quản trị đơn vị, người dùng, phong trào, biểu mẫu',
      en: 'Administering units, users, campaigns and forms',
    },
    audience: { vi: 'Quản trị viên, cơ quan thường trực', en: 'Administrators and the standing agency' },
    workspaces: ['campaign_export', 'campaign_setup', 'form_builder'],
    paths: ['/admin', '/campaign-builder', '/form-builder'],
    steps: [
      {
        vi: 'Đơn vị và người dùng: tạo, đổi vai trò, chuyển đơn vị, khóa tài khoản; nhập từ Excel với báo cáo kiểm tra trước khi ghi.',
        en: 'Units and users: create, change roles, move, deactivate; import from Excel with a check report before anything is written.',
      },
      {
        vi: 'Phong trào và biểu mẫu: sao chép năm trước, chỉnh kỳ báo cáo, hạn nộp, chuỗi phê duyệt; biểu mẫu dựng bằng trình thiết kế trực quan.',
        en: "Campaigns and forms: copy last year's, set periods, deadlines and approval chains; build forms in the visual builder.",
      },
      {
        vi: 'Thiết kế biểu mẫu: sao chép một biểu mẫu trong thư viện hoặc tạo mới; thêm phần, trường, công thức (ví dụ tỷ lệ phần trăm) và quy tắc kiểm tra chéo; xem trước trên điện thoại; công bố thành phiên bản mới.',
        en: 'Form builder: copy a form of the library or start a new one; add sections, fields, formulas (a percentage, say) and cross-field rules; preview on a phone; publish as a new version.',
      },
      {
        vi: 'Tỉnh đã hợp nhất: trong "Phong trào nguồn" chọn phong trào của tỉnh cũ (nhóm "Lịch sử của …"); bản sao được chuyển sang cây đơn vị hiện hành, những gì không chuyển được được liệt kê ở đầu trang để anh/chị quyết định.',
        en: 'A merged province: under "Source campaign" pick the former province\'s campaign (group "History of …"); the copy is laid on the current unit tree and what could not be carried is listed at the top for you to decide.',
      },
      {
        vi: 'Quản trị viên cập nhật "Liên hệ cơ quan thường trực" (Quản trị → Liên hệ cơ quan thường trực): thông tin này hiện ở cuối mọi trang hướng dẫn.',
        en: 'The administrator keeps "The secretariat\'s contact" (Administration → Secretariat\'s contact): it is shown at the end of every help page.',
      },
    ],
    tips: [
      {
        vi: 'Mọi thay đổi quản trị được ghi vào nhật ký kiểm tra (ai, lúc nào, thay đổi gì).',
        en: 'Every administrative change is in the audit trail (who, when, what).',
      },
    ],
  },
];

/** The terms a newcomer meets first (the domain glossary, as the screens use it). */
export const glossary: readonly { term: string; meaning: Text }[] = [
  {
    term: 'Phong trào thi đua',
    meaning: {
      vi: 'Kế hoạch thi đua do tỉnh phát động, gồm nội dung, biểu mẫu, kỳ báo cáo, hạn nộp.',
      en: 'An emulation movement launched by the province: contents, forms, periods, deadlines.',
    },
  },
  {
    term: 'Kỳ báo cáo',
    meaning: {
      vi: 'Tháng, quý, 6 tháng, 9 tháng hoặc năm; số liệu tính đến ngày chốt số liệu của kỳ.',
      en: 'Month, quarter, 6 or 9 months, or year; figures up to the period’s cut-off date.',
    },
  },
  {
    term: 'Trả lại',
    meaning: {
      vi: 'Cấp trên gửi báo cáo về để đơn vị sửa hoặc bổ sung, kèm lý do.',
      en: 'Sent back to the unit for correction, with a reason.',
    },
  },
  {
    term: 'Duyệt, chuyển cấp trên',
    meaning: {
      vi: 'Chấp thuận và chuyển lên cấp kế tiếp trong chuỗi phê duyệt.',
      en: 'Approved and forwarded to the next level of the chain.',
    },
  },
  {
    term: 'Không đủ điều kiện',
    meaning: { vi: 'Từ chối; báo cáo hoặc hồ sơ dừng lại.', en: 'Rejected; the report or dossier stops.' },
  },
  {
    term: 'Ký duyệt',
    meaning: {
      vi: 'Lãnh đạo đơn vị xác nhận báo cáo trước khi gửi lên cấp trên.',
      en: "The unit head's sign-off before the report goes up.",
    },
  },
  {
    term: 'Tờ trình',
    meaning: {
      vi: 'Văn bản đề nghị khen thưởng của đơn vị, kèm danh sách người được đề nghị.',
      en: "A unit's cover submission proposing awards, with the list of nominees.",
    },
  },
  {
    term: 'Công khai, lấy ý kiến',
    meaning: {
      vi: 'Danh sách đề nghị được đăng công khai để nhân dân góp ý trong thời hạn luật định.',
      en: 'The proposed list is published for public comment for the statutory period.',
    },
  },
  {
    term: 'Hội đồng Thi đua - Khen thưởng',
    meaning: {
      vi: 'Hội đồng xét và bỏ phiếu kín đối với các đề nghị khen thưởng.',
      en: 'The council that reviews nominations and votes by secret ballot.',
    },
  },
  {
    term: 'Quyết định khen thưởng',
    meaning: {
      vi: 'Văn bản do người có thẩm quyền ký, có số, ngày và được công bố.',
      en: 'The decision signed by the competent person, numbered, dated and published.',
    },
  },
  {
    term: 'Minh chứng',
    meaning: {
      vi: 'Tệp đính kèm chứng minh số liệu hoặc thành tích.',
      en: 'A file attached as proof of figures or achievements.',
    },
  },
  {
    term: 'Nhật ký kiểm tra',
    meaning: {
      vi: 'Chuỗi sự kiện không sửa được, ghi mọi thao tác thay đổi dữ liệu.',
      en: 'The tamper-evident trail of every change.',
    },
  },
];

/** The guide that explains the page at `pathname`, if any (the longest matching prefix). */
export const guideForPath = (pathname: string): Guide | undefined => {
  let best: { guide: Guide; length: number } | undefined;
  for (const guide of guides) {
    for (const p of guide.paths) {
      const matches = pathname === p || pathname.startsWith(`${p}/`);
      if (matches && (!best || p.length > best.length)) best = { guide, length: p.length };
    }
  }
  return best?.guide;
};

/** The caller's guides first (those of a workspace they may open), then the others, each in catalogue order. */
export const orderGuides = (mayOpen: (w: Workspace) => boolean): { mine: Guide[]; others: Guide[] } => {
  const mine = guides.filter((g) => g.workspaces.some(mayOpen));
  return { mine, others: guides.filter((g) => !mine.includes(g)) };
};
