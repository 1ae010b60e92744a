# التحقق: سبب رفض حقل (المعرّفات نفسها في الصفحات وفي واجهة البرمجة).
invalid-required = يُرجى ملء هذا الحقل.
invalid-too-long = هذا النص طويل جدًا: { $length } حرفًا، والحد الأقصى { $limit }. يُرجى تقصيره.
invalid-one-line = يُرجى كتابة هذا في سطر واحد.
# حقول إجراء على ملف (صفحة الملف وواجهة البرمجة).
invalid-choice = يُرجى اختيار أحد الخيارات.
invalid-date = يُرجى إدخال تاريخ، مثل 2026-12-31.
invalid-staff = يُرجى اختيار أحد الموظفين.
invalid-action-number = يُرجى تحديد الإجراء التصحيحي برقمه.
invalid-too-many = يُرجى اختيار { $limit } على الأكثر.
error-nothing-recorded = لم يُسجَّل أي شيء. عُد إلى النموذج وصحّح ذلك ثم أرسله مرة أخرى.

## identity
invalid-control = يُرجى حذف الرموز الخاصة (مثل علامات الجدولة).
invalid-phone = يُرجى كتابة رقم هاتف: أرقام ومسافات و+ - ( ).
invalid-email = يُرجى كتابة عنوان بريد إلكتروني، مثل help@example.org.
invalid-url = يُرجى كتابة عنوان موقع يبدأ بـ https://، مثل https://example.org.
## attach
attachment-too-large = هذا الملف كبير جدًا: الحد الأقصى { $limit } ميغابايت. يُرجى إرسال صورة أصغر أو مستند أقصر.
attachment-empty = هذا الملف فارغ. يُرجى اختيار الملف مرة أخرى.
attachment-wrong-type = هذا النوع من الملفات غير مقبول. يُرجى إرسال صورة (PNG أو JPEG أو WebP) أو مستند PDF.
attachment-too-many = في هذه القضية { $limit } ملفًا بالفعل، وهو الحد الأقصى.
attachment-none = يُرجى اختيار ملف لإرفاقه.
