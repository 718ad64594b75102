<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en_GB">
<context>
    <name></name>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="56"/>
        <source>Feedforward</source>
        <translation>Lan truyền tiến</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="58"/>
        <source>Error terms δ</source>
        <translation>Độ lỗi δ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="59"/>
        <source>Update</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="83"/>
        <source>layer {0}</source>
        <translation>lớp {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="83"/>
        <source>the input</source>
        <translation>lớp đầu vào</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="67"/>
        <source>the cost</source>
        <translation>hàm chi phí</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="68"/>
        <source>a gradient</source>
        <translation>một gradient</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="69"/>
        <source>a parameter</source>
        <translation>một tham số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="70"/>
        <source>the momentum velocity</source>
        <translation>vận tốc momentum</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="71"/>
        <source>Adam&apos;s first moment m</source>
        <translation>mômen bậc nhất m của Adam</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="72"/>
        <source>Adam&apos;s second moment v</source>
        <translation>mômen bậc hai v của Adam</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="73"/>
        <source>the running mean</source>
        <translation>trung bình trượt</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="74"/>
        <source>the running variance</source>
        <translation>phương sai trượt</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="85"/>
        <source>step {0}, {1} phase, {2}: {3} became {4} (not a finite number)</source>
        <translation>bước {0}, pha {1}, {2}: {3} thành {4} (không phải số hữu hạn)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="157"/>
        <source>Training stopped: {0}</source>
        <translation>Huấn luyện đã dừng: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="178"/>
        <source>Cannot advance</source>
        <translation>Không thể chạy tiếp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="183"/>
        <location filename="../../bpstudio/controller/controller.py" line="258"/>
        <source>Next phase: {0}</source>
        <translation>Pha tiếp theo: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="189"/>
        <source>Next layer: {0}</source>
        <translation>Lớp tiếp: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="191"/>
        <source>Next layer: {0}, layer {1}</source>
        <translation>Lớp tiếp: {0}, lớp {1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="196"/>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="200"/>
        <source>Epoch</source>
        <translation>Lượt</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="222"/>
        <location filename="../../bpstudio/controller/controller.py" line="228"/>
        <source>Run</source>
        <translation>Chạy</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="228"/>
        <location filename="../../bpstudio/controller/controller.py" line="229"/>
        <source>Cannot train</source>
        <translation>Không thể huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="262"/>
        <source>Cannot step back</source>
        <translation>Không thể lùi lại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="289"/>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="292"/>
        <source>Cannot reset</source>
        <translation>Không thể đặt lại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="303"/>
        <source>Cannot re-initialise</source>
        <translation>Không thể khởi tạo lại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="313"/>
        <source>Cannot set the parameter: {0}</source>
        <translation>Không thể đặt tham số: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="318"/>
        <source>Cannot set the parameter</source>
        <translation>Không thể đặt tham số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="336"/>
        <source>Add a layer at position {0}</source>
        <translation>Thêm một lớp ở vị trí {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="337"/>
        <source>Cannot add the layer</source>
        <translation>Không thể thêm lớp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="344"/>
        <source>Remove layer {0}</source>
        <translation>Xoá lớp {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="345"/>
        <source>Cannot remove the layer</source>
        <translation>Không thể xoá lớp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="363"/>
        <source>Add a neuron to layer {0}</source>
        <translation>Thêm một nơ-ron vào lớp {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="363"/>
        <source>Cannot add the neuron</source>
        <translation>Không thể thêm nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="377"/>
        <source>Remove neuron {0} of layer {1}</source>
        <translation>Xoá nơ-ron {0} của lớp {1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="378"/>
        <source>Cannot remove the neuron</source>
        <translation>Không thể xoá nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="394"/>
        <source>Cannot change the activation</source>
        <translation>Không thể đổi hàm kích hoạt</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="469"/>
        <source>Cannot move neuron {0} of layer {1}: there is no such neuron</source>
        <translation>Không thể di chuyển nơ-ron {0} của lớp {1}: không có nơ-ron này</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="485"/>
        <source>Cannot move the neurons: the layout of every neuron is needed</source>
        <translation>Không thể di chuyển các nơ-ron: cần vị trí của mọi nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="488"/>
        <source>Move a neuron</source>
        <translation>Di chuyển một nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="488"/>
        <source>Move {0} neurons</source>
        <translation>Di chuyển {0} nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="489"/>
        <source>Cannot move the neurons</source>
        <translation>Không thể di chuyển các nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="512"/>
        <source>Edit the dataset</source>
        <translation>Sửa tập dữ liệu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="515"/>
        <source>Cannot change the dataset</source>
        <translation>Không thể thay đổi tập dữ liệu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="519"/>
        <source>The batch size is now {0}: the dataset has only {0} samples (it was {1}).</source>
        <translation>Kích thước lô giờ là {0}: tập dữ liệu chỉ có {0} mẫu (trước đó là {1}).</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="532"/>
        <source>Cannot edit the sample: there is no cell ({0}, {1})</source>
        <translation>Không thể sửa mẫu: không có ô ({0}, {1})</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="536"/>
        <source>Cannot edit the sample: the value must be a finite number</source>
        <translation>Không thể sửa mẫu: giá trị phải là một số hữu hạn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="556"/>
        <source>Add a sample</source>
        <translation>Thêm một mẫu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="565"/>
        <source>Cannot remove every sample: the dataset needs at least one</source>
        <translation>Không thể xoá hết các mẫu: tập dữ liệu cần ít nhất một mẫu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="568"/>
        <source>Remove a sample</source>
        <translation>Xoá một mẫu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="568"/>
        <source>Remove {0} samples</source>
        <translation>Xoá {0} mẫu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="576"/>
        <source>Cannot import the CSV file: {0}</source>
        <translation>Không thể nhập tệp CSV: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="585"/>
        <source>Import {0}</source>
        <translation>Nhập {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="666"/>
        <source>Cannot restore the recovered network: {0}</source>
        <translation>Không khôi phục được mạng đã tự động lưu: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="684"/>
        <source>Cannot save {0}: {1}. Nothing is lost: the network stays open with its changes.</source>
        <translation>Không lưu được {0}: {1}. Không mất gì: mạng vẫn mở cùng các thay đổi.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="122"/>
        <source>Change the training options</source>
        <translation>Thay đổi tuỳ chọn huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="300"/>
        <source>Re-initialise: {0}, seed {1}</source>
        <translation>Khởi tạo lại: {0}, hạt giống {1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="387"/>
        <source>Activation of layer {0}: {1} → {2}</source>
        <translation>Hàm kích hoạt của lớp {0}: {1} → {2}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="547"/>
        <source>Sample {0}: {1}</source>
        <translation>Mẫu {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="609"/>
        <source>Cannot change the training options</source>
        <translation>Không thể thay đổi tuỳ chọn huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/labels.py" line="20"/>
        <source>Layer 0 (input)</source>
        <translation>Lớp 0 (đầu vào)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/labels.py" line="22"/>
        <source>Layer {0} (output, {1})</source>
        <translation>Lớp {0} (đầu ra, {1})</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/labels.py" line="23"/>
        <source>Layer {0} (hidden, {1})</source>
        <translation>Lớp {0} (ẩn, {1})</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="409"/>
        <source>Cannot switch on batch normalisation in layer {0}</source>
        <translation>Không thể bật chuẩn hoá theo lô ở lớp {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="411"/>
        <source>Cannot switch off batch normalisation in layer {0}</source>
        <translation>Không thể tắt chuẩn hoá theo lô ở lớp {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="414"/>
        <source>{0}: batch normalisation is for hidden layers only</source>
        <translation>{0}: chuẩn hoá theo lô chỉ dùng cho các lớp ẩn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="416"/>
        <source>{0}: this network has no hidden layer</source>
        <translation>{0}: mạng này không có lớp ẩn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="422"/>
        <source>{0}: the batch size is 1, and a batch of one sample has no variance to normalise. Set the batch size to 2 or more first.</source>
        <translation>{0}: lô chỉ có 1 mẫu thì không có phương sai để chuẩn hoá. Hãy đặt kích thước lô từ 2 trở lên.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="428"/>
        <source>Switch on batch normalisation in layer {0}</source>
        <translation>Bật chuẩn hoá theo lô ở lớp {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="430"/>
        <source>Switch off batch normalisation in layer {0}</source>
        <translation>Tắt chuẩn hoá theo lô ở lớp {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="446"/>
        <source>Cannot show sample {0}: the dataset has {1} samples</source>
        <translation>Không thể hiển thị mẫu {0}: tập dữ liệu có {1} mẫu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/export_explanation.py" line="61"/>
        <location filename="../../bpstudio/ui/export_explanation.py" line="155"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/export_explanation.py" line="62"/>
        <location filename="../../bpstudio/ui/export_explanation.py" line="155"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/export_explanation.py" line="164"/>
        <location filename="../../bpstudio/ui/export_explanation.py" line="169"/>
        <source>Export the explanation</source>
        <translation>Xuất phần giải thích</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/export_explanation.py" line="168"/>
        <source>Writing the explanation…</source>
        <translation>Đang ghi phần giải thích…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/export_explanation.py" line="168"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/export_explanation.py" line="176"/>
        <source>Computing the steps: {0} of {1} done…</source>
        <translation>Đang tính các bước: đã xong {0}/{1}…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/export_explanation.py" line="186"/>
        <source>Cannot write the explanation: training diverged at {0}.</source>
        <translation>Không thể ghi phần giải thích: quá trình huấn luyện bị phân kỳ tại {0}.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/export_explanation.py" line="190"/>
        <source>Cannot write the explanation: {0}</source>
        <translation>Không thể ghi phần giải thích: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="28"/>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="29"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="30"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="31"/>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="32"/>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="33"/>
        <source>Linear (identity)</source>
        <translation>Tuyến tính (đồng nhất)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="34"/>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="40"/>
        <source>½ sum of squares</source>
        <translation>½ tổng bình phương</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="41"/>
        <source>Mean squared error</source>
        <translation>Trung bình bình phương sai số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="42"/>
        <source>Huber loss</source>
        <translation>Mất mát Huber</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="43"/>
        <source>Binary cross-entropy</source>
        <translation>Entropy chéo nhị phân</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="44"/>
        <source>Cross-entropy</source>
        <translation>Entropy chéo</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="50"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="51"/>
        <source>SGD with momentum</source>
        <translation>SGD có quán tính</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="52"/>
        <source>Nesterov momentum</source>
        <translation>Quán tính Nesterov</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="53"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="59"/>
        <source>Xavier (uniform)</source>
        <translation>Xavier (đều)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="60"/>
        <source>Xavier (normal)</source>
        <translation>Xavier (chuẩn)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="61"/>
        <source>He (uniform)</source>
        <translation>He (đều)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="62"/>
        <source>He (normal)</source>
        <translation>He (chuẩn)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="63"/>
        <source>Uniform [a, b]</source>
        <translation>Phân phối đều [a, b]</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="64"/>
        <source>Normal (0, σ)</source>
        <translation>Phân phối chuẩn (0, σ)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="71"/>
        <source>Loss</source>
        <translation>Hàm mất mát</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="72"/>
        <source>Optimizer</source>
        <translation>Bộ tối ưu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="73"/>
        <source>Learning rate</source>
        <translation>Tốc độ học</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="74"/>
        <source>Momentum</source>
        <translation>Quán tính</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="75"/>
        <source>β₁ (first moment)</source>
        <translation>β₁ (mômen bậc một)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="76"/>
        <source>β₂ (second moment)</source>
        <translation>β₂ (mômen bậc hai)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="77"/>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="78"/>
        <source>Weight decay</source>
        <translation>Suy giảm trọng số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="79"/>
        <source>Clip gradient norm</source>
        <translation>Cắt chuẩn gradient</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="80"/>
        <source>Batch size</source>
        <translation>Kích thước lô</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="81"/>
        <source>Shuffle each epoch</source>
        <translation>Xáo trộn mỗi lượt</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="82"/>
        <source>Shuffle seed</source>
        <translation>Hạt giống xáo trộn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="83"/>
        <source>Initialiser</source>
        <translation>Cách khởi tạo</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="84"/>
        <source>Initialiser seed</source>
        <translation>Hạt giống khởi tạo</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="85"/>
        <source>Lower bound a</source>
        <translation>Cận dưới a</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="86"/>
        <source>Upper bound b</source>
        <translation>Cận trên b</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="87"/>
        <source>Standard deviation σ</source>
        <translation>Độ lệch chuẩn σ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="88"/>
        <source>Bias value</source>
        <translation>Giá trị bias</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="119"/>
        <source>Maximum</source>
        <translation>Tối đa</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="121"/>
        <source>1 step/s</source>
        <translation>1 bước/giây</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="122"/>
        <source>{0} steps/s</source>
        <translation>{0} bước/giây</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="129"/>
        <location filename="../../bpstudio/controller/names.py" line="134"/>
        <source>off</source>
        <translation>tắt</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="134"/>
        <source>on</source>
        <translation>bật</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/names.py" line="141"/>
        <source>{0} {1} → {2}</source>
        <translation>{0} {1} → {2}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/numbers.py" line="61"/>
        <source>“{0}” is ambiguous: the comma may separate thousands. Write {1} or {2}.</source>
        <translation>“{0}” không rõ nghĩa: dấu phẩy có thể là dấu phân cách hàng nghìn. Hãy viết {1} hoặc {2}.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/numbers.py" line="70"/>
        <source>“{0}” is not a number: type a value such as 0.25, 0,25 or {1}1.5.</source>
        <translation>“{0}” không phải là số: hãy gõ một giá trị như 0.25, 0,25 hoặc {1}1.5.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/numbers.py" line="73"/>
        <source>“{0}” is not a finite number.</source>
        <translation>“{0}” không phải là một số hữu hạn.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/fields.py" line="78"/>
        <source>any number</source>
        <translation>một số bất kỳ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/fields.py" line="81"/>
        <source>above {0}</source>
        <translation>lớn hơn {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/fields.py" line="81"/>
        <source>{0} or more</source>
        <translation>từ {0} trở lên</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/fields.py" line="83"/>
        <source>below {0}</source>
        <translation>nhỏ hơn {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/fields.py" line="83"/>
        <source>{0} or less</source>
        <translation>từ {0} trở xuống</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/fields.py" line="85"/>
        <source>above {0} and at most {1}</source>
        <translation>lớn hơn {0} và không quá {1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/fields.py" line="87"/>
        <source>from {0} up to (not including) {1}</source>
        <translation>từ {0} đến dưới {1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/fields.py" line="88"/>
        <source>from {0} to {1}</source>
        <translation>từ {0} đến {1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/fields.py" line="93"/>
        <source>{0}: {1} Still using {2}.</source>
        <translation>{0}: {1} Vẫn dùng giá trị {2}.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/fields.py" line="195"/>
        <location filename="../../bpstudio/ui/fields.py" line="281"/>
        <source>“{0}” is not allowed: it must be {1}.</source>
        <translation>Không dùng được “{0}”: giá trị phải {1}.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/fields.py" line="248"/>
        <location filename="../../bpstudio/ui/fields.py" line="250"/>
        <source>“{0}” is not a whole number.</source>
        <translation>“{0}” không phải là số nguyên.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/fields.py" line="278"/>
        <source>a whole number from {0} to {1}</source>
        <translation>là số nguyên từ {0} đến {1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/dataset_csv.py" line="56"/>
        <source>row {0}, column {1}: {2} is not a number</source>
        <translation>hàng {0}, cột {1}: {2} không phải là số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/dataset_csv.py" line="58"/>
        <source>row {0}, column {1}: {2} is not a finite number</source>
        <translation>hàng {0}, cột {1}: {2} không phải là số hữu hạn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/dataset_csv.py" line="60"/>
        <source>row {0}, column {1}: {2}</source>
        <translation>hàng {0}, cột {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/dataset_csv.py" line="86"/>
        <source>{0}: line {1}, column {2}: the cell holds a NUL character; is this a text file?</source>
        <translation>{0}: dòng {1}, cột {2}: ô chứa ký tự NUL; đây có phải tệp văn bản không?</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/dataset_csv.py" line="92"/>
        <source>line {0}, column {1}</source>
        <translation>dòng {0}, cột {1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/dataset_csv.py" line="94"/>
        <source>line {0}</source>
        <translation>dòng {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/dataset_csv.py" line="96"/>
        <source>{0}: {1}: a cell is longer than {2} characters; a number needs far fewer</source>
        <translation>{0}: {1}: một ô dài hơn {2} ký tự; một số cần ít hơn nhiều</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/dataset_csv.py" line="99"/>
        <source>{0}: line {1}: the line cannot be read as CSV ({2})</source>
        <translation>{0}: dòng {1}: không đọc được dòng này dưới dạng CSV ({2})</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/dataset_csv.py" line="136"/>
        <source>row {0}: expected {1} values ({2} inputs + {3} targets), got {4}</source>
        <translation>hàng {0}: cần {1} giá trị ({2} đầu vào + {3} giá trị đích), nhưng có {4}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/dataset_csv.py" line="146"/>
        <source>and {0} more bad rows</source>
        <translation>và {0} hàng lỗi khác</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/dataset_csv.py" line="149"/>
        <source>{0}: no samples found</source>
        <translation>{0}: không tìm thấy mẫu nào</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/dataset_csv.py" line="160"/>
        <source>{0}: the file is larger than {1} MB</source>
        <translation>{0}: tệp lớn hơn {1} MB</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/dataset_csv.py" line="164"/>
        <source>{0}: the file is not UTF-8 text</source>
        <translation>{0}: tệp không phải là văn bản UTF-8</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/dataset_csv.py" line="166"/>
        <source>{0}: the file cannot be read ({1})</source>
        <translation>{0}: không đọc được tệp ({1})</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/crash.py" line="109"/>
        <source>The details are in the log file:
{0}</source>
        <translation>Chi tiết nằm trong tệp nhật ký:
{0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/crash.py" line="111"/>
        <source>The details could not be written to a log file.</source>
        <translation>Không ghi được chi tiết vào tệp nhật ký.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/crash.py" line="113"/>
        <source>Something went wrong in BP Studio ({0}, at {1}).

Your network is as it was: you can go on working and save it.

{2}</source>
        <translation>Đã xảy ra lỗi trong BP Studio ({0}, tại {1}).

Mạng của bạn vẫn nguyên như trước: bạn có thể tiếp tục làm việc và lưu lại.

{2}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/crash.py" line="116"/>
        <source>Unexpected error</source>
        <translation>Lỗi ngoài dự kiến</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../bpstudio/ui/about.py" line="28"/>
        <source>Version {version}</source>
        <translation>Phiên bản {version}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/about.py" line="29"/>
        <source>Build a small neural network and watch backpropagation train it, one phase at a time: feedforward, the error terms δ, then the update.</source>
        <translation>Dựng một mạng nơ-ron nhỏ và xem thuật toán lan truyền ngược huấn luyện nó, từng pha một: lan truyền tiến, độ lỗi δ, rồi cập nhật.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/about.py" line="34"/>
        <source>The default network and its figures come from the article {title} by {author}:</source>
        <translation>Mạng mặc định và các con số của nó lấy từ bài viết {title} của {author}:</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/about.py" line="38"/>
        <source>Licence: {licence}.</source>
        <translation>Giấy phép: {licence}.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/about.py" line="39"/>
        <source>Built with Python {python}, Qt for Python {pyside} and NumPy {numpy}.</source>
        <translation>Xây dựng bằng Python {python}, Qt for Python {pyside} và NumPy {numpy}.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/about.py" line="56"/>
        <source>About BP Studio</source>
        <translation>Giới thiệu BP Studio</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <location filename="../../bpstudio/ui/recovery.py" line="138"/>
        <location filename="../../bpstudio/ui/recovery.py" line="159"/>
        <source>Autosave failed: {0}</source>
        <translation>Tự động lưu thất bại: {0}</translation>
    </message>
</context>
<context>
    <name>CanvasEditing</name>
    <message>
        <location filename="../../bpstudio/ui/canvas/editing.py" line="107"/>
        <source>New value of {name}; Enter to apply, Esc to cancel.</source>
        <translation>Giá trị mới của {name}; Enter để áp dụng, Esc để huỷ.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/editing.py" line="192"/>
        <source>Edit weight {name}…</source>
        <translation>Sửa trọng số {name}…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/editing.py" line="203"/>
        <source>Add hidden layer</source>
        <translation>Thêm lớp ẩn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/editing.py" line="207"/>
        <source>Fit to view</source>
        <translation>Vừa khít khung</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/editing.py" line="218"/>
        <source>Edit bias {name}…</source>
        <translation>Sửa bias {name}…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/editing.py" line="223"/>
        <source>Add neuron to this layer</source>
        <translation>Thêm nơ-ron vào lớp này</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/editing.py" line="227"/>
        <source>Remove neuron {name}</source>
        <translation>Xoá nơ-ron {name}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/editing.py" line="237"/>
        <source>Add hidden layer before</source>
        <translation>Thêm lớp ẩn phía trước</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/editing.py" line="244"/>
        <source>Add hidden layer after</source>
        <translation>Thêm lớp ẩn phía sau</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/editing.py" line="249"/>
        <source>Remove this layer</source>
        <translation>Xoá lớp này</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/editing.py" line="255"/>
        <source>Batch normalisation</source>
        <translation>Chuẩn hoá theo lô</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/editing.py" line="264"/>
        <source>Activation</source>
        <translation>Hàm kích hoạt</translation>
    </message>
</context>
<context>
    <name>CanvasView</name>
    <message>
        <location filename="../../bpstudio/ui/canvas/view.py" line="160"/>
        <source>Zoom in to see the values</source>
        <translation>Phóng to để xem các giá trị</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/view.py" line="199"/>
        <source>Could not write the PNG file {path}.</source>
        <translation>Không thể ghi tệp PNG {path}.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/view.py" line="209"/>
        <source>BP Studio network</source>
        <translation>Mạng BP Studio</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/view.py" line="212"/>
        <location filename="../../bpstudio/ui/canvas/view.py" line="218"/>
        <source>Could not write the SVG file {path}.</source>
        <translation>Không thể ghi tệp SVG {path}.</translation>
    </message>
</context>
<context>
    <name>DatasetModel</name>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="238"/>
        <source>input</source>
        <translation>đầu vào</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="238"/>
        <source>target</source>
        <translation>giá trị đích</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="210"/>
        <source>Computed by the feedforward phase for the samples of the batch</source>
        <translation>Được tính ở pha lan truyền tiến cho các mẫu của lô</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="222"/>
        <source>The canvas shows this sample</source>
        <translation>Sơ đồ mạng đang hiển thị mẫu này</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="252"/>
        <source>loss of the sample, computed by feedforward</source>
        <translation>mất mát của mẫu, tính bằng lan truyền tiến</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="253"/>
        <source>output of the network for the sample, computed by feedforward</source>
        <translation>đầu ra của mạng cho mẫu, tính bằng lan truyền tiến</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="211"/>
        <source>from the feedforward of step {0}</source>
        <translation>từ pha lan truyền tiến của bước {0}</translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="372"/>
        <source>Import samples from CSV</source>
        <translation>Nhập mẫu từ tệp CSV</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="372"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Tệp CSV (*.csv *.txt);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="413"/>
        <source>Add sample</source>
        <translation>Thêm mẫu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="414"/>
        <source>Remove selected</source>
        <translation>Xoá mẫu đã chọn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="415"/>
        <source>Import CSV…</source>
        <translation>Nhập CSV…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="416"/>
        <source>Append a copy of the last sample</source>
        <translation>Thêm một bản sao của mẫu cuối cùng</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="419"/>
        <source>Each row: the inputs, then the targets, separated by commas, or by semicolons with decimal commas (0,5); a header row is allowed</source>
        <translation>Mỗi dòng: các đầu vào rồi đến các giá trị đích, cách nhau bằng dấu phẩy, hoặc bằng dấu chấm phẩy khi số thập phân dùng dấu phẩy (0,5); có thể có một dòng tiêu đề</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="400"/>
        <source>The canvas shows sample {0}.</source>
        <translation>Sơ đồ mạng hiển thị mẫu {0}.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="383"/>
        <source>Samples: {0} · batch size: {1} · next batch: {2}</source>
        <translation>Số mẫu: {0} · kích thước lô: {1} · lô tiếp theo: {2}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="385"/>
        <source>Samples: {0} · batch size: {1} · batch just computed: {2}</source>
        <translation>Số mẫu: {0} · kích thước lô: {1} · lô vừa tính: {2}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="387"/>
        <source>Samples: {0} · batch size: {1} · batch of this step: {2}</source>
        <translation>Số mẫu: {0} · kích thước lô: {1} · lô của bước này: {2}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="402"/>
        <source>The canvas shows sample {0} ({1} of {2} in the batch).</source>
        <translation>Sơ đồ mạng hiển thị mẫu {0} (mẫu thứ {1} trong {2} mẫu của lô).</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="407"/>
        <source>Sample {0} is not in this batch.</source>
        <translation>Mẫu {0} không thuộc lô này.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="409"/>
        <source>Click a row to show another.</source>
        <translation>Bấm vào một hàng để xem mẫu khác.</translation>
    </message>
</context>
<context>
    <name>DiskWatch</name>
    <message>
        <location filename="../../bpstudio/ui/disk_watch.py" line="86"/>
        <source>“{0}” was changed on disk by another program; saving will ask what to do.</source>
        <translation>“{0}” đã bị một chương trình khác thay đổi trên đĩa; khi lưu, BP Studio sẽ hỏi bạn muốn làm gì.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/disk_watch.py" line="88"/>
        <source>“{0}” was deleted or moved on disk; saving will ask what to do.</source>
        <translation>“{0}” đã bị xoá hoặc di chuyển trên đĩa; khi lưu, BP Studio sẽ hỏi bạn muốn làm gì.</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <location filename="../../bpstudio/ui/explanation_panel.py" line="149"/>
        <source>The explanation could not be written: {0}</source>
        <translation>Không thể viết phần giải thích: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/explanation_panel.py" line="170"/>
        <source>Nothing computed yet in this step</source>
        <translation>Bước này chưa tính gì</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/explanation_panel.py" line="173"/>
        <source>Press &lt;b&gt;Next phase&lt;/b&gt; (Space) to run the feedforward phase: every layer computes z = W a + b and a = g(z), and the loss compares ŷ with the target y.</source>
        <translation>Nhấn &lt;b&gt;Pha tiếp theo&lt;/b&gt; (phím cách) để chạy pha lan truyền tiến: mỗi lớp tính z = W a + b và a = g(z), rồi hàm mất mát so sánh ŷ với giá trị đích y.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/explanation_panel.py" line="178"/>
        <source>The next press computes the error terms δ from the output back to the first layer, and the gradients ∂J/∂W and ∂J/∂b; the third press updates the parameters.</source>
        <translation>Lần nhấn tiếp theo tính độ lỗi δ từ lớp đầu ra ngược về lớp đầu tiên, cùng các gradient ∂J/∂W và ∂J/∂b; lần nhấn thứ ba cập nhật các tham số.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/explanation_panel.py" line="182"/>
        <source>Here you will see each formula with the current numbers substituted.</source>
        <translation>Tại đây bạn sẽ thấy từng công thức với các con số hiện tại được thay vào.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/explanation_panel.py" line="189"/>
        <source>Training is running</source>
        <translation>Đang huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/explanation_panel.py" line="192"/>
        <source>The steps go by too fast to read their formulas here. Press &lt;b&gt;Pause&lt;/b&gt; (F5): this dock then explains the last step done, with its numbers. At a speed of 1 step/s it follows every step.</source>
        <translation>Các bước trôi qua quá nhanh để đọc công thức ở đây. Nhấn &lt;b&gt;Tạm dừng&lt;/b&gt; (F5): khi đó khung này giải thích bước vừa làm xong, với chính các con số của nó. Ở tốc độ 1 bước/giây, khung này theo sát từng bước.</translation>
    </message>
</context>
<context>
    <name>ExportExplanationDialog</name>
    <message>
        <location filename="../../bpstudio/ui/export_explanation.py" line="46"/>
        <source>Export the explanation</source>
        <translation>Xuất phần giải thích</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/export_explanation.py" line="65"/>
        <source>Step {0} is the current step: it is written in full, every formula with its numbers, with the network and its parameters at the start. Later steps are computed on a copy; the open network does not change.</source>
        <translation>Bước {0} là bước hiện tại: bước này được viết đầy đủ, mọi công thức kèm các con số, cùng với mạng nơ-ron và các tham số ban đầu. Các bước sau được tính trên một bản sao; mạng đang mở không thay đổi.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/export_explanation.py" line="72"/>
        <source>From step</source>
        <translation>Từ bước</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/export_explanation.py" line="73"/>
        <source>To step</source>
        <translation>Đến bước</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/export_explanation.py" line="74"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/export_explanation.py" line="75"/>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="65"/>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="66"/>
        <source>“{0}” has changes that are not saved. Save them first?</source>
        <translation>“{0}” có thay đổi chưa được lưu. Lưu lại trước không?</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="88"/>
        <source>Open a network</source>
        <translation>Mở một mạng</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="90"/>
        <source>BP Studio networks (*.json);;All files (*)</source>
        <translation>Mạng BP Studio (*.json);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="131"/>
        <source>“{0}” was deleted or moved by another program since it was opened. Save the network under a new name, or write it again where it was?</source>
        <translation>“{0}” đã bị một chương trình khác xoá hoặc di chuyển từ khi được mở. Lưu mạng với tên mới, hay ghi lại vào chỗ cũ?</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="134"/>
        <source>Save Here</source>
        <translation>Lưu vào chỗ cũ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="137"/>
        <source>“{0}” was changed on disk by another program since it was opened or saved. Overwrite that version with this one, or save this one under a new name?</source>
        <translation>“{0}” đã bị một chương trình khác thay đổi trên đĩa từ khi được mở hoặc lưu. Ghi đè phiên bản đó bằng phiên bản này, hay lưu phiên bản này với tên mới?</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="140"/>
        <source>Overwrite</source>
        <translation>Ghi đè</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="142"/>
        <source>The file changed on disk</source>
        <translation>Tệp đã thay đổi trên đĩa</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="144"/>
        <source>Save As…</source>
        <translation>Lưu thành…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="160"/>
        <source>Save the network as</source>
        <translation>Lưu mạng thành</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="162"/>
        <source>BP Studio networks (*.bpstudio.json *.json)</source>
        <translation>Mạng BP Studio (*.bpstudio.json *.json)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="195"/>
        <source>network</source>
        <translation>mạng</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="199"/>
        <source>Cannot write {0}: {1}</source>
        <translation>Không thể ghi {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="216"/>
        <source>Export the loss history</source>
        <translation>Xuất lịch sử mất mát</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="217"/>
        <location filename="../../bpstudio/ui/file_actions.py" line="231"/>
        <source>{0}-loss</source>
        <translation>{0}-mất mát</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="218"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="230"/>
        <source>Export the loss plot</source>
        <translation>Xuất đồ thị mất mát</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="232"/>
        <location filename="../../bpstudio/ui/file_actions.py" line="240"/>
        <source>PNG image (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="236"/>
        <source>Cannot write {0}</source>
        <translation>Không thể ghi {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="240"/>
        <source>SVG image (*.svg)</source>
        <translation>Ảnh SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="242"/>
        <source>Export the network picture</source>
        <translation>Xuất hình mạng</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="275"/>
        <source>(no recent files)</source>
        <translation>(chưa có tệp gần đây)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/file_actions.py" line="283"/>
        <source>Clear the list</source>
        <translation>Xoá danh sách</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../bpstudio/ui/help.py" line="102"/>
        <source>BP Studio guide</source>
        <translation>Hướng dẫn BP Studio</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../bpstudio/ui/history_panel.py" line="42"/>
        <source>Opened: {0}</source>
        <translation>Đã mở: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/history_panel.py" line="52"/>
        <source>Undone; click to redo up to here</source>
        <translation>Đã hoàn tác; nhấp để làm lại đến đây</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/history_panel.py" line="53"/>
        <source>Click to go back to this state</source>
        <translation>Nhấp để quay về trạng thái này</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/history_panel.py" line="42"/>
        <source>untitled</source>
        <translation>chưa đặt tên</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../bpstudio/ui/history_panel.py" line="98"/>
        <source>Every change and every phase, oldest first. Click an entry to return to it.</source>
        <translation>Mọi thay đổi và mọi pha, cũ nhất ở trên cùng. Nhấp vào một mục để quay về đó.</translation>
    </message>
</context>
<context>
    <name>LayerSummary</name>
    <message>
        <location filename="../../bpstudio/ui/canvas/state.py" line="215"/>
        <source>mean |δ| = {0}</source>
        <translation>trung bình |δ| = {0}</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="287"/>
        <location filename="../../bpstudio/ui/loss_plot.py" line="394"/>
        <source>No training steps yet</source>
        <translation>Chưa có bước huấn luyện nào</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="366"/>
        <source>step {0}, epoch {1}: cost {2}</source>
        <translation>bước {0}, lượt {1}: chi phí {2}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="386"/>
        <source>training step</source>
        <translation>bước huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="387"/>
        <source>cost J</source>
        <translation>chi phí J</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="389"/>
        <source>cost per step</source>
        <translation>chi phí mỗi bước</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="390"/>
        <source>mean per epoch</source>
        <translation>trung bình mỗi lượt</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="391"/>
        <source>Log scale</source>
        <translation>Thang logarit</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="392"/>
        <source>Auto range</source>
        <translation>Tự co giãn</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="77"/>
        <source>Next phase</source>
        <translation>Pha tiếp theo</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="78"/>
        <source>Run the next phase: feedforward, then δ, then update</source>
        <translation>Chạy pha tiếp theo: lan truyền tiến, rồi δ, rồi cập nhật</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="87"/>
        <source>Next layer</source>
        <translation>Lớp tiếp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="88"/>
        <source>Advance one layer inside the current phase</source>
        <translation>Tiến thêm một lớp trong pha hiện tại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="97"/>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="98"/>
        <source>Finish the current training step (all three phases)</source>
        <translation>Hoàn tất bước huấn luyện hiện tại (cả ba pha)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="107"/>
        <source>Epoch</source>
        <translation>Lượt</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="108"/>
        <source>Train until the current epoch is complete</source>
        <translation>Huấn luyện đến hết lượt hiện tại (một lượt — epoch — dùng mỗi mẫu đúng một lần)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="117"/>
        <location filename="../../bpstudio/ui/main_window.py" line="282"/>
        <location filename="../../bpstudio/ui/main_window.py" line="364"/>
        <source>Run</source>
        <translation>Chạy</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="118"/>
        <source>Train continuously; press again to pause</source>
        <translation>Huấn luyện liên tục; nhấn lần nữa để tạm dừng</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="129"/>
        <location filename="../../bpstudio/ui/main_window.py" line="388"/>
        <source>Step back</source>
        <translation>Lùi lại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="130"/>
        <source>Undo the last phase, restoring every number exactly</source>
        <translation>Hoàn tác pha vừa chạy, khôi phục chính xác mọi con số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="140"/>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="141"/>
        <source>Back to the network as it was opened</source>
        <translation>Quay về mạng như lúc vừa mở</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="151"/>
        <source>Re-initialise…</source>
        <translation>Khởi tạo lại…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="152"/>
        <source>New random weights from a scheme and a seed</source>
        <translation>Trọng số ngẫu nhiên mới theo một phương pháp và một hạt giống</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="160"/>
        <source>&amp;New</source>
        <translation>&amp;Mới</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="165"/>
        <source>&amp;Open…</source>
        <translation>&amp;Mở…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="174"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="182"/>
        <source>Save &amp;As…</source>
        <translation>Lưu &amp;thành…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="188"/>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="198"/>
        <source>Explanation as Markdown…</source>
        <translation>Phần giải thích dạng Markdown…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="205"/>
        <source>Explanation as HTML…</source>
        <translation>Phần giải thích dạng HTML…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="212"/>
        <source>Explanation of several steps…</source>
        <translation>Giải thích nhiều bước…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="213"/>
        <source>Steps a to b of the worked example, as Markdown or HTML, in English or Vietnamese</source>
        <translation>Các bước từ a đến b của ví dụ tính tay, dạng Markdown hoặc HTML, bằng tiếng Anh hoặc tiếng Việt</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="222"/>
        <source>Loss history as CSV…</source>
        <translation>Lịch sử mất mát dạng CSV…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="228"/>
        <source>Loss plot as PNG…</source>
        <translation>Đồ thị mất mát dạng PNG…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="234"/>
        <source>Network picture as PNG…</source>
        <translation>Hình mạng dạng PNG…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="241"/>
        <source>Network picture as SVG…</source>
        <translation>Hình mạng dạng SVG…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="266"/>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="275"/>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="283"/>
        <source>Fit network to view</source>
        <translation>Vừa khít mạng trong khung</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="291"/>
        <source>Reset window layout</source>
        <translation>Đặt lại bố cục cửa sổ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="251"/>
        <source>Add a hidden layer</source>
        <translation>Thêm một lớp ẩn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="252"/>
        <source>Insert a hidden layer of 2 sigmoid neurons before the output layer</source>
        <translation>Chèn một lớp ẩn gồm 2 nơ-ron sigmoid trước lớp đầu ra</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="259"/>
        <source>Remove the last hidden layer</source>
        <translation>Xoá lớp ẩn cuối cùng</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="299"/>
        <source>&amp;Guide</source>
        <translation>&amp;Hướng dẫn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="300"/>
        <source>How to use BP Studio, step by step</source>
        <translation>Cách dùng BP Studio, từng bước một</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="307"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="308"/>
        <source>Every keyboard shortcut of the window</source>
        <translation>Mọi phím tắt của cửa sổ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="314"/>
        <source>&amp;About BP Studio</source>
        <translation>&amp;Giới thiệu BP Studio</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="230"/>
        <source>System language</source>
        <translation>Ngôn ngữ của hệ thống</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="57"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="65"/>
        <source>Open &amp;example</source>
        <translation>Mở &amp;ví dụ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="66"/>
        <source>Open &amp;recent</source>
        <translation>Mở tệp &amp;gần đây</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="67"/>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="58"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="59"/>
        <source>&amp;Training</source>
        <translation>&amp;Huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="60"/>
        <source>&amp;View</source>
        <translation>&amp;Hiển thị</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="61"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/actions.py" line="62"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="241"/>
        <source>Explanation</source>
        <translation>Giải thích</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="242"/>
        <source>Parameters</source>
        <translation>Tham số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="243"/>
        <source>Loss</source>
        <translation>Mất mát</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="244"/>
        <source>Dataset</source>
        <translation>Dữ liệu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="245"/>
        <source>Training options</source>
        <translation>Tuỳ chọn huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="246"/>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="250"/>
        <source>Progress</source>
        <translation>Tiến trình</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="251"/>
        <source>Stepper</source>
        <translation>Điều khiển từng bước</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="252"/>
        <source>Speed:</source>
        <translation>Tốc độ:</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="255"/>
        <source>Training steps per second in Run mode</source>
        <translation>Số bước huấn luyện mỗi giây khi chạy liên tục</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="290"/>
        <source>Running: {0} steps/s</source>
        <translation>Đang chạy: {0} bước/giây</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="296"/>
        <source>untitled</source>
        <translation>chưa đặt tên</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="312"/>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Hoàn tác: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="309"/>
        <location filename="../../bpstudio/ui/main_window.py" line="312"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="315"/>
        <source>&amp;Redo {0}</source>
        <translation>&amp;Làm lại: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="310"/>
        <location filename="../../bpstudio/ui/main_window.py" line="315"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="282"/>
        <location filename="../../bpstudio/ui/main_window.py" line="364"/>
        <source>Pause</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="382"/>
        <source>Computing the run again up to one phase back…</source>
        <translation>Đang tính lại lượt chạy đến trước đó một pha…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="383"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="419"/>
        <location filename="../../bpstudio/ui/main_window.py" line="421"/>
        <source>BP Studio</source>
        <translation>BP Studio</translation>
    </message>
</context>
<context>
    <name>NetworkCanvas</name>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="27"/>
        <source>({count} terms)</source>
        <translation>({count} số hạng)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="91"/>
        <source>{name} — input {index}</source>
        <translation>{name} — đầu vào {index}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="97"/>
        <source>{name} — output neuron {index} · {activation}</source>
        <translation>{name} — nơ-ron đầu ra {index} · {activation}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="103"/>
        <source>{name} — hidden layer {layer}, neuron {index} · {activation}</source>
        <translation>{name} — lớp ẩn {layer}, nơ-ron {index} · {activation}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="109"/>
        <source>Values of sample {k} of the {m} in this batch (dataset row {row}); gradients are means over the batch.</source>
        <translation>Giá trị của mẫu thứ {k} trong {m} mẫu của lô này (hàng {row} của tập dữ liệu); gradient là trung bình trên cả lô.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="144"/>
        <source>batch norm: {normalise} = {z_hat}; {scale} = {z_tilde}</source>
        <translation>chuẩn hoá theo lô: {normalise} = {z_hat}; {scale} = {z_tilde}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="162"/>
        <source>target y = {y}; loss of this sample: L = {loss}</source>
        <translation>giá trị đích y = {y}; mất mát của mẫu này: L = {loss}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="168"/>
        <source>z and a are not computed yet in this step: the feedforward phase fills them in.</source>
        <translation>Bước này chưa tính z và a: pha lan truyền tiến sẽ điền chúng vào.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="192"/>
        <source>{delta} = ∂L/∂z (through batch normalisation) = {value}</source>
        <translation>{delta} = ∂L/∂z (qua chuẩn hoá theo lô) = {value}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="225"/>
        <source>update: {name} {old} → {new}</source>
        <translation>cập nhật: {name} {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="234"/>
        <source>Double-click to type a new bias.</source>
        <translation>Nhấp đúp để gõ bias mới.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="240"/>
        <source>full precision: </source>
        <translation>độ chính xác đầy đủ: </translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="251"/>
        <source>{weight} — weight from {source} to {target}</source>
        <translation>{weight} — trọng số từ {source} đến {target}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="257"/>
        <source>Gradients are means over the {m} samples of this batch.</source>
        <translation>Gradient là trung bình trên {m} mẫu của lô này.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="296"/>
        <source>update ({optimizer}): {old} → {new}</source>
        <translation>cập nhật ({optimizer}): {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="300"/>
        <source>new w = </source>
        <translation>w mới = </translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="301"/>
        <source>Double-click the label to type a new weight.</source>
        <translation>Nhấp đúp vào nhãn để gõ trọng số mới.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="307"/>
        <source>{count} weights from layer {source} to layer {target}; the {drawn} largest are drawn. Hover a neuron for its formula, or read every weight in the parameter tables.</source>
        <translation>{count} trọng số từ lớp {source} đến lớp {target}; chỉ vẽ {drawn} trọng số lớn nhất. Di chuột lên một nơ-ron để xem công thức, hoặc đọc mọi trọng số trong bảng tham số.</translation>
    </message>
</context>
<context>
    <name>NetworkScene</name>
    <message>
        <location filename="../../bpstudio/ui/canvas/scene.py" line="318"/>
        <source>Input layer</source>
        <translation>Lớp đầu vào</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/scene.py" line="322"/>
        <source>Output layer</source>
        <translation>Lớp đầu ra</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/scene.py" line="324"/>
        <source>Hidden layer</source>
        <translation>Lớp ẩn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/scene.py" line="326"/>
        <source>Hidden layer {index}</source>
        <translation>Lớp ẩn {index}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/scene.py" line="331"/>
        <source>1 neuron</source>
        <translation>1 nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/scene.py" line="331"/>
        <source>{count} neurons</source>
        <translation>{count} nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/scene.py" line="337"/>
        <source>{count} · sample {row}</source>
        <translation>{count} · mẫu {row}</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="164"/>
        <location filename="../../bpstudio/ui/options_panel.py" line="252"/>
        <source>the number of samples is {0}</source>
        <translation>số mẫu là {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="253"/>
        <source>Training</source>
        <translation>Huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="254"/>
        <source>Initialiser (used by Re-initialise)</source>
        <translation>Cách khởi tạo (dùng khi Khởi tạo lại)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="255"/>
        <source>Scheme</source>
        <translation>Phương pháp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="256"/>
        <source>Seed</source>
        <translation>Hạt giống</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="257"/>
        <source>Allowed: {0}.</source>
        <translation>Cho phép: {0}.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="259"/>
        <source>A positive number, e.g. 0.1</source>
        <translation>Một số dương, ví dụ 0.1</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="263"/>
        <source>A small positive number, e.g. 1e-8</source>
        <translation>Một số dương nhỏ, ví dụ 1e-8</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="265"/>
        <source>Zero or positive; adds λW to the gradient of the weights</source>
        <translation>Bằng 0 hoặc dương; cộng λW vào gradient của trọng số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="267"/>
        <source>Largest allowed norm of the whole gradient</source>
        <translation>Chuẩn lớn nhất cho phép của toàn bộ gradient</translation>
    </message>
</context>
<context>
    <name>ParameterModel</name>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="208"/>
        <source>Not computed yet in this step</source>
        <translation>Bước này chưa tính</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="219"/>
        <source>before the update: {0}</source>
        <translation>trước khi cập nhật: {0}</translation>
    </message>
</context>
<context>
    <name>ParametersPanel</name>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="729"/>
        <source>weights</source>
        <translation>trọng số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="730"/>
        <source>biases</source>
        <translation>bias</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="731"/>
        <source>gradient of the weights</source>
        <translation>gradient của trọng số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="732"/>
        <source>gradient of the biases</source>
        <translation>gradient của bias</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="733"/>
        <source>batch-norm scale</source>
        <translation>hệ số co giãn của chuẩn hoá theo lô</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="734"/>
        <source>batch-norm shift</source>
        <translation>độ dịch của chuẩn hoá theo lô</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="735"/>
        <source>gradient of γ</source>
        <translation>gradient của γ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="736"/>
        <source>gradient of β</source>
        <translation>gradient của β</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="737"/>
        <source>optimizer velocity</source>
        <translation>vận tốc của bộ tối ưu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="738"/>
        <source>Adam first moment</source>
        <translation>mômen bậc một của Adam</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="739"/>
        <source>Adam second moment</source>
        <translation>mômen bậc hai của Adam</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="750"/>
        <source>Layer:</source>
        <translation>Lớp:</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="581"/>
        <source>Normalise this layer&apos;s z over the batch, then scale by γ and shift by β (needs a batch size of 2 or more)</source>
        <translation>Chuẩn hoá z của lớp này trên cả lô, rồi nhân với γ và cộng β (cần kích thước lô từ 2 trở lên)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="586"/>
        <source>Batch normalisation is for hidden layers only</source>
        <translation>Chuẩn hoá theo lô chỉ dùng cho các lớp ẩn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="752"/>
        <source>Follows the layer being computed; a layer you pick stays until the next step starts</source>
        <translation>Tự chuyển theo lớp đang được tính; lớp bạn tự chọn được giữ đến khi bước tiếp theo bắt đầu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="754"/>
        <source>Batch normalisation</source>
        <translation>Chuẩn hoá theo lô</translation>
    </message>
</context>
<context>
    <name>ProgressRow</name>
    <message>
        <location filename="../../bpstudio/ui/progress_row.py" line="40"/>
        <source>The phase that Next phase computes (▶); ✓ marks the phases done in this step</source>
        <translation>Pha mà nút Pha tiếp theo sẽ tính (▶); ✓ đánh dấu các pha đã xong trong bước này</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/progress_row.py" line="51"/>
        <source>layer {0}</source>
        <translation>lớp {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/progress_row.py" line="60"/>
        <source>Next:</source>
        <translation>Tiếp theo:</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/progress_row.py" line="68"/>
        <source>not computed yet</source>
        <translation>chưa tính</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/progress_row.py" line="72"/>
        <source>Steps done &lt;b&gt;{0}&lt;/b&gt; · Epochs done &lt;b&gt;{1}&lt;/b&gt; · Next batch {2} of {3} · Cost J = &lt;b&gt;{4}&lt;/b&gt;</source>
        <translation>Đã chạy &lt;b&gt;{0}&lt;/b&gt; bước · &lt;b&gt;{1}&lt;/b&gt; lượt · Lô tiếp theo {2}/{3} · Chi phí J = &lt;b&gt;{4}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/progress_row.py" line="76"/>
        <source>Step &lt;b&gt;{0}&lt;/b&gt; · Epoch &lt;b&gt;{1}&lt;/b&gt; · Batch {2}/{3} · J = &lt;b&gt;{4}&lt;/b&gt;</source>
        <translation>Bước &lt;b&gt;{0}&lt;/b&gt; · Epoch &lt;b&gt;{1}&lt;/b&gt; · Lô {2}/{3} · J = &lt;b&gt;{4}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>RecoveryPrompt</name>
    <message>
        <location filename="../../bpstudio/ui/recovery.py" line="201"/>
        <source>{0} — written {1}, {2} steps</source>
        <translation>{0} — ghi lúc {1}, {2} bước</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/recovery.py" line="213"/>
        <source>Recover networks</source>
        <translation>Khôi phục mạng</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/recovery.py" line="215"/>
        <source>BP Studio did not close properly. These networks had changes that were not saved:</source>
        <translation>BP Studio đã không đóng đúng cách. Các mạng sau có thay đổi chưa được lưu:</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/recovery.py" line="218"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/recovery.py" line="219"/>
        <source>Discard</source>
        <translation>Bỏ đi</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/recovery.py" line="259"/>
        <source>Autosave is off: cannot use the folder {0} ({1}).</source>
        <translation>Tự động lưu đang tắt: không dùng được thư mục {0} ({1}).</translation>
    </message>
</context>
<context>
    <name>ReinitDialog</name>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="32"/>
        <source>Re-initialise the weights</source>
        <translation>Khởi tạo lại trọng số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="47"/>
        <source>Scheme</source>
        <translation>Phương pháp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="48"/>
        <source>Seed</source>
        <translation>Hạt giống</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="49"/>
        <source>Lower bound a (uniform)</source>
        <translation>Cận dưới a (uniform)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="50"/>
        <source>Upper bound b (uniform)</source>
        <translation>Cận trên b (uniform)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="51"/>
        <source>Standard deviation (normal)</source>
        <translation>Độ lệch chuẩn (normal)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="52"/>
        <source>Bias value</source>
        <translation>Giá trị bias</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="59"/>
        <source>New weights are drawn from the scheme with this seed; biases get the bias value. Training starts again from step 0 (undo brings the old weights back).</source>
        <translation>Trọng số mới được rút ngẫu nhiên theo phương pháp đã chọn với hạt giống này; các bias nhận giá trị bias. Việc huấn luyện bắt đầu lại từ bước 0 (hoàn tác sẽ đưa trọng số cũ trở lại).</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="84"/>
        <source>Allowed: {0}.</source>
        <translation>Cho phép: {0}.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="118"/>
        <source>The lower bound must be below the upper bound.</source>
        <translation>Cận dưới phải nhỏ hơn cận trên.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../bpstudio/ui/help.py" line="142"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/help.py" line="143"/>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/help.py" line="143"/>
        <source>Shortcut</source>
        <translation>Phím tắt</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <location filename="../../bpstudio/ui/i18n.py" line="142"/>
        <source>{0} is not available: its translation file is missing ({1}), so BP Studio is shown in English. Reinstall BP Studio, or run `make translations` in a source checkout.</source>
        <translation>{0} không dùng được: thiếu tệp bản dịch ({1}), nên BP Studio hiển thị bằng tiếng Anh. Hãy cài lại BP Studio, hoặc chạy `make translations` trong thư mục mã nguồn.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/i18n.py" line="148"/>
        <source>{0}: the translation of Qt&apos;s own buttons and dialogs is missing ({1}); they stay in English. Reinstall BP Studio, or run `make translations` in a source checkout.</source>
        <translation>{0}: thiếu bản dịch cho các nút và hộp thoại của chính Qt ({1}); chúng sẽ hiển thị bằng tiếng Anh. Hãy cài lại BP Studio, hoặc chạy `make translations` trong thư mục mã nguồn.</translation>
    </message>
</context>
</TS>
