<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en_GB">
<context>
    <name></name>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="62"/>
        <source>Feedforward</source>
        <translation>Lan truyền tiến</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="64"/>
        <source>Error terms δ</source>
        <translation>Độ lỗi δ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="65"/>
        <source>Update</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="73"/>
        <source>layer {0}</source>
        <translation>lớp {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="73"/>
        <source>the input</source>
        <translation>lớp đầu vào</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="78"/>
        <source>the cost</source>
        <translation>hàm chi phí</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="79"/>
        <source>a gradient</source>
        <translation>một gradient</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="80"/>
        <source>a parameter</source>
        <translation>một tham số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="82"/>
        <source>step {0}, {1} phase, {2}: {3} became {4} (not a finite number)</source>
        <translation>bước {0}, pha {1}, {2}: {3} thành {4} (không phải số hữu hạn)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="105"/>
        <source>Training stopped: {0}</source>
        <translation>Huấn luyện đã dừng: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="126"/>
        <source>Cannot advance</source>
        <translation>Không thể chạy tiếp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="130"/>
        <location filename="../../bpstudio/controller/controller.py" line="215"/>
        <source>Next phase: {0}</source>
        <translation>Pha tiếp theo: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="135"/>
        <source>Next layer: {0}</source>
        <translation>Lớp tiếp: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="137"/>
        <source>Next layer: {0}, layer {1}</source>
        <translation>Lớp tiếp: {0}, lớp {1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="141"/>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="144"/>
        <source>Epoch</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="165"/>
        <location filename="../../bpstudio/controller/controller.py" line="171"/>
        <source>Run</source>
        <translation>Chạy</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="171"/>
        <location filename="../../bpstudio/controller/controller.py" line="172"/>
        <source>Cannot train</source>
        <translation>Không thể huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="219"/>
        <source>Cannot step back</source>
        <translation>Không thể lùi lại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="246"/>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="249"/>
        <source>Cannot reset</source>
        <translation>Không thể đặt lại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="266"/>
        <source>Re-initialise ({0}, seed {1})</source>
        <translation>Khởi tạo lại ({0}, seed {1})</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="269"/>
        <source>Cannot re-initialise</source>
        <translation>Không thể khởi tạo lại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="279"/>
        <source>Cannot set the parameter: {0}</source>
        <translation>Không thể đặt tham số: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="283"/>
        <source>Set {0}[{1}] of layer {2} to {3}</source>
        <translation>Đặt {0}[{1}] của lớp {2} thành {3}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="285"/>
        <source>Cannot set the parameter</source>
        <translation>Không thể đặt tham số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="305"/>
        <source>Add a layer at position {0}</source>
        <translation>Thêm một lớp ở vị trí {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="306"/>
        <source>Cannot add the layer</source>
        <translation>Không thể thêm lớp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="313"/>
        <source>Remove layer {0}</source>
        <translation>Xoá lớp {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="314"/>
        <source>Cannot remove the layer</source>
        <translation>Không thể xoá lớp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="332"/>
        <source>Add a neuron to layer {0}</source>
        <translation>Thêm một nơ-ron vào lớp {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="332"/>
        <source>Cannot add the neuron</source>
        <translation>Không thể thêm nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="346"/>
        <source>Remove neuron {0} of layer {1}</source>
        <translation>Xoá nơ-ron {0} của lớp {1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="347"/>
        <source>Cannot remove the neuron</source>
        <translation>Không thể xoá nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="356"/>
        <source>Set the activation of layer {0} to {1}</source>
        <translation>Đổi hàm kích hoạt của lớp {0} thành {1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="357"/>
        <source>Cannot change the activation</source>
        <translation>Không thể đổi hàm kích hoạt</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="370"/>
        <source>Cannot move neuron {0} of layer {1}: there is no such neuron</source>
        <translation>Không thể di chuyển nơ-ron {0} của lớp {1}: không có nơ-ron này</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="384"/>
        <source>Cannot move the neurons: the layout of every neuron is needed</source>
        <translation>Không thể di chuyển các nơ-ron: cần vị trí của mọi nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="387"/>
        <source>Move a neuron</source>
        <translation>Di chuyển một nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="387"/>
        <source>Move {0} neurons</source>
        <translation>Di chuyển {0} nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="388"/>
        <source>Cannot move the neurons</source>
        <translation>Không thể di chuyển các nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="395"/>
        <source>Edit the dataset</source>
        <translation>Sửa tập dữ liệu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="398"/>
        <source>Cannot change the dataset</source>
        <translation>Không thể thay đổi tập dữ liệu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="408"/>
        <source>Cannot edit the sample: there is no cell ({0}, {1})</source>
        <translation>Không thể sửa mẫu: không có ô ({0}, {1})</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="412"/>
        <source>Cannot edit the sample: the value must be a finite number</source>
        <translation>Không thể sửa mẫu: giá trị phải là một số hữu hạn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="418"/>
        <source>Edit sample {0}</source>
        <translation>Sửa mẫu {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="426"/>
        <source>Add a sample</source>
        <translation>Thêm một mẫu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="435"/>
        <source>Cannot remove every sample: the dataset needs at least one</source>
        <translation>Không thể xoá hết các mẫu: tập dữ liệu cần ít nhất một mẫu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="438"/>
        <source>Remove a sample</source>
        <translation>Xoá một mẫu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="438"/>
        <source>Remove {0} samples</source>
        <translation>Xoá {0} mẫu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="446"/>
        <source>Cannot import the CSV file: {0}</source>
        <translation>Không thể nhập tệp CSV: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="448"/>
        <source>Import {0}</source>
        <translation>Nhập {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="475"/>
        <source>Change the training options</source>
        <translation>Thay đổi tuỳ chọn huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/controller/controller.py" line="478"/>
        <source>Cannot change the training options</source>
        <translation>Không thể thay đổi tuỳ chọn huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/labels.py" line="38"/>
        <source>Layer 0 (input)</source>
        <translation>Lớp 0 (đầu vào)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/labels.py" line="40"/>
        <source>Layer {0} (output, {1})</source>
        <translation>Lớp {0} (đầu ra, {1})</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/labels.py" line="41"/>
        <source>Layer {0} (hidden, {1})</source>
        <translation>Lớp {0} (ẩn, {1})</translation>
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
    <name>DatasetModel</name>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="134"/>
        <source>input</source>
        <translation>đầu vào</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="134"/>
        <source>target</source>
        <translation>giá trị đích</translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="225"/>
        <source>Import samples from CSV</source>
        <translation>Nhập mẫu từ tệp CSV</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="225"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Tệp CSV (*.csv *.txt);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="235"/>
        <source>Samples: {0} · batch size: {1} · current batch: {2}</source>
        <translation>Số mẫu: {0} · kích thước lô: {1} · lô hiện tại: {2}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="241"/>
        <source>Add sample</source>
        <translation>Thêm mẫu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="242"/>
        <source>Remove selected</source>
        <translation>Xoá mẫu đã chọn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="243"/>
        <source>Import CSV…</source>
        <translation>Nhập CSV…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="244"/>
        <source>Append a copy of the last sample</source>
        <translation>Thêm một bản sao của mẫu cuối cùng</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/dataset_panel.py" line="246"/>
        <source>Each row: the inputs, then the targets, separated by commas; a header row is allowed</source>
        <translation>Mỗi dòng: các đầu vào rồi đến các giá trị đích, cách nhau bằng dấu phẩy; có thể có một dòng tiêu đề</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <location filename="../../bpstudio/ui/explanation_panel.py" line="107"/>
        <source>The explanation could not be written: {0}</source>
        <translation>Không thể viết phần giải thích: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/explanation_panel.py" line="128"/>
        <source>Nothing computed yet in this step</source>
        <translation>Bước này chưa tính gì</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/explanation_panel.py" line="131"/>
        <source>Press &lt;b&gt;Next phase&lt;/b&gt; (Space) to run the feedforward phase: every layer computes z = W a + b and a = g(z), and the loss compares ŷ with the target y.</source>
        <translation>Nhấn &lt;b&gt;Pha tiếp theo&lt;/b&gt; (phím cách) để chạy pha lan truyền tiến: mỗi lớp tính z = W a + b và a = g(z), rồi hàm mất mát so sánh ŷ với giá trị đích y.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/explanation_panel.py" line="136"/>
        <source>The next press computes the error terms δ from the output back to the first layer, and the gradients ∂J/∂W and ∂J/∂b; the third press updates the parameters.</source>
        <translation>Lần nhấn tiếp theo tính độ lỗi δ từ lớp đầu ra ngược về lớp đầu tiên, cùng các gradient ∂J/∂W và ∂J/∂b; lần nhấn thứ ba cập nhật các tham số.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/explanation_panel.py" line="140"/>
        <source>Here you will see each formula with the current numbers substituted.</source>
        <translation>Tại đây bạn sẽ thấy từng công thức với các con số hiện tại được thay vào.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../bpstudio/ui/history_panel.py" line="41"/>
        <source>Opened: {0}</source>
        <translation>Đã mở: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/history_panel.py" line="51"/>
        <source>Undone; click to redo up to here</source>
        <translation>Đã hoàn tác; nhấp để làm lại đến đây</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/history_panel.py" line="52"/>
        <source>Click to go back to this state</source>
        <translation>Nhấp để quay về trạng thái này</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../bpstudio/ui/history_panel.py" line="96"/>
        <source>Every change and every phase, oldest first. Click an entry to return to it.</source>
        <translation>Mọi thay đổi và mọi pha, cũ nhất ở trên cùng. Nhấp vào một mục để quay về đó.</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="250"/>
        <location filename="../../bpstudio/ui/loss_plot.py" line="303"/>
        <source>No training steps yet</source>
        <translation>Chưa có bước huấn luyện nào</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="275"/>
        <source>step {0}, epoch {1}: cost {2}</source>
        <translation>bước {0}, epoch {1}: chi phí {2}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="295"/>
        <source>training step</source>
        <translation>bước huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="296"/>
        <source>cost J</source>
        <translation>chi phí J</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="298"/>
        <source>cost per step</source>
        <translation>chi phí mỗi bước</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="299"/>
        <source>mean per epoch</source>
        <translation>trung bình mỗi epoch</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="300"/>
        <source>Log scale</source>
        <translation>Thang logarit</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/loss_plot.py" line="301"/>
        <source>Auto range</source>
        <translation>Tự co giãn</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="361"/>
        <source>Next phase</source>
        <translation>Pha tiếp theo</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="362"/>
        <source>Run the next phase: feedforward, then δ, then update</source>
        <translation>Chạy pha tiếp theo: lan truyền tiến, rồi δ, rồi cập nhật</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="364"/>
        <source>Next layer</source>
        <translation>Lớp tiếp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="364"/>
        <source>Advance one layer inside the current phase</source>
        <translation>Tiến thêm một lớp trong pha hiện tại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="365"/>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="365"/>
        <source>Finish the current training step (all three phases)</source>
        <translation>Hoàn tất bước huấn luyện hiện tại (cả ba pha)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="366"/>
        <source>Epoch</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="366"/>
        <source>Train until the current epoch is complete</source>
        <translation>Huấn luyện đến hết epoch hiện tại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="367"/>
        <location filename="../../bpstudio/ui/main_window.py" line="574"/>
        <source>Run</source>
        <translation>Chạy</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="367"/>
        <source>Train continuously; press again to pause</source>
        <translation>Huấn luyện liên tục; nhấn lần nữa để tạm dừng</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="369"/>
        <location filename="../../bpstudio/ui/main_window.py" line="606"/>
        <source>Step back</source>
        <translation>Lùi lại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="370"/>
        <source>Undo the last phase, restoring every number exactly</source>
        <translation>Hoàn tác pha vừa chạy, khôi phục chính xác mọi con số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="372"/>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="372"/>
        <source>Back to the network as it was opened</source>
        <translation>Quay về mạng như lúc vừa mở</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="374"/>
        <source>Re-initialise…</source>
        <translation>Khởi tạo lại…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="375"/>
        <source>New random weights from a scheme and a seed</source>
        <translation>Trọng số ngẫu nhiên mới theo một phương pháp và một seed</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="377"/>
        <source>&amp;New</source>
        <translation>&amp;Mới</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="378"/>
        <source>&amp;Open…</source>
        <translation>&amp;Mở…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="379"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="380"/>
        <source>Save &amp;As…</source>
        <translation>Lưu &amp;thành…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="381"/>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="382"/>
        <source>Explanation as Markdown…</source>
        <translation>Phần giải thích dạng Markdown…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="383"/>
        <source>Explanation as HTML…</source>
        <translation>Phần giải thích dạng HTML…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="384"/>
        <source>Loss history as CSV…</source>
        <translation>Lịch sử mất mát dạng CSV…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="385"/>
        <source>Loss plot as PNG…</source>
        <translation>Đồ thị mất mát dạng PNG…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="386"/>
        <source>Network picture as PNG…</source>
        <translation>Hình mạng dạng PNG…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="387"/>
        <source>Network picture as SVG…</source>
        <translation>Hình mạng dạng SVG…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="388"/>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="389"/>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="390"/>
        <source>Fit network to view</source>
        <translation>Vừa khít mạng trong khung</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="391"/>
        <source>Reset window layout</source>
        <translation>Đặt lại bố cục cửa sổ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="393"/>
        <source>Add a hidden layer</source>
        <translation>Thêm một lớp ẩn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="394"/>
        <source>Insert a hidden layer of 2 sigmoid neurons before the output layer</source>
        <translation>Chèn một lớp ẩn gồm 2 nơ-ron sigmoid trước lớp đầu ra</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="396"/>
        <source>Remove the last hidden layer</source>
        <translation>Xoá lớp ẩn cuối cùng</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="397"/>
        <source>&amp;About BP Studio</source>
        <translation>&amp;Giới thiệu BP Studio</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="398"/>
        <source>System language</source>
        <translation>Ngôn ngữ của hệ thống</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="408"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="409"/>
        <source>Open &amp;example</source>
        <translation>Mở &amp;ví dụ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="410"/>
        <source>Open &amp;recent</source>
        <translation>Mở tệp &amp;gần đây</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="411"/>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="412"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="413"/>
        <source>&amp;Training</source>
        <translation>&amp;Huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="414"/>
        <source>&amp;View</source>
        <translation>&amp;Hiển thị</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="415"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="416"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="418"/>
        <source>Explanation</source>
        <translation>Giải thích</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="419"/>
        <source>Parameters</source>
        <translation>Tham số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="420"/>
        <source>Loss</source>
        <translation>Mất mát</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="421"/>
        <source>Dataset</source>
        <translation>Dữ liệu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="422"/>
        <source>Training options</source>
        <translation>Tuỳ chọn huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="423"/>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="427"/>
        <source>Progress</source>
        <translation>Tiến trình</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="428"/>
        <source>Stepper</source>
        <translation>Điều khiển từng bước</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="429"/>
        <source>Speed:</source>
        <translation>Tốc độ:</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="432"/>
        <source>maximum</source>
        <translation>tối đa</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="432"/>
        <source>{0} steps/s</source>
        <translation>{0} bước/giây</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="434"/>
        <source>Training steps per second in Run mode</source>
        <translation>Số bước huấn luyện mỗi giây khi chạy liên tục</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="457"/>
        <source>layer {0}</source>
        <translation>lớp {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="466"/>
        <source>Next:</source>
        <translation>Tiếp theo:</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="474"/>
        <source>not computed yet</source>
        <translation>chưa tính</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="477"/>
        <source>Steps done &lt;b&gt;{0}&lt;/b&gt; · Epochs done &lt;b&gt;{1}&lt;/b&gt; · Next batch {2} of {3} · Cost J = &lt;b&gt;{4}&lt;/b&gt;</source>
        <translation>Đã chạy &lt;b&gt;{0}&lt;/b&gt; bước · &lt;b&gt;{1}&lt;/b&gt; epoch · Lô tiếp theo {2}/{3} · Chi phí J = &lt;b&gt;{4}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="481"/>
        <source>Running: {0} steps/s</source>
        <translation>Đang chạy: {0} bước/giây</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="487"/>
        <source>untitled</source>
        <translation>chưa đặt tên</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="501"/>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Hoàn tác: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="501"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="504"/>
        <source>&amp;Redo {0}</source>
        <translation>&amp;Làm lại: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="504"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="574"/>
        <source>Pause</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="600"/>
        <source>Computing the run again up to one phase back…</source>
        <translation>Đang tính lại lượt chạy đến trước đó một pha…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="601"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="637"/>
        <location filename="../../bpstudio/ui/main_window.py" line="639"/>
        <source>BP Studio</source>
        <translation>BP Studio</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="660"/>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="661"/>
        <source>“{0}” has changes that are not saved. Save them first?</source>
        <translation>“{0}” có thay đổi chưa được lưu. Lưu lại trước không?</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="680"/>
        <source>Open a network</source>
        <translation>Mở một mạng</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="682"/>
        <source>BP Studio networks (*.json);;All files (*)</source>
        <translation>Mạng BP Studio (*.json);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="712"/>
        <source>Save the network as</source>
        <translation>Lưu mạng thành</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="714"/>
        <source>BP Studio networks (*.bpstudio.json *.json)</source>
        <translation>Mạng BP Studio (*.bpstudio.json *.json)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="739"/>
        <source>Cannot write {0}: {1}</source>
        <translation>Không thể ghi {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="747"/>
        <source>Cannot write the explanation: {0}</source>
        <translation>Không thể ghi phần giải thích: {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="750"/>
        <source>Nothing to export yet: run a phase first (Next phase).</source>
        <translation>Chưa có gì để xuất: hãy chạy một pha trước (Pha tiếp theo).</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="753"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="753"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="755"/>
        <source>Export the explanation</source>
        <translation>Xuất phần giải thích</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="768"/>
        <source>Export the loss history</source>
        <translation>Xuất lịch sử mất mát</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="768"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="779"/>
        <source>Export the loss plot</source>
        <translation>Xuất đồ thị mất mát</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="779"/>
        <location filename="../../bpstudio/ui/main_window.py" line="786"/>
        <source>PNG image (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="782"/>
        <source>Cannot write {0}</source>
        <translation>Không thể ghi {0}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="786"/>
        <source>SVG image (*.svg)</source>
        <translation>Ảnh SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="788"/>
        <source>Export the network picture</source>
        <translation>Xuất hình mạng</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="820"/>
        <source>(no recent files)</source>
        <translation>(chưa có tệp gần đây)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="828"/>
        <source>Clear the list</source>
        <translation>Xoá danh sách</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="870"/>
        <source>The translation for {0} is missing; using English.</source>
        <translation>Thiếu bản dịch cho {0}; dùng tiếng Anh.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="883"/>
        <source>About BP Studio</source>
        <translation>Giới thiệu BP Studio</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/main_window.py" line="884"/>
        <source>BP Studio: watch backpropagation happen, one phase at a time.</source>
        <translation>BP Studio: xem lan truyền ngược diễn ra, từng pha một.</translation>
    </message>
</context>
<context>
    <name>NetworkCanvas</name>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="263"/>
        <source>Could not write the PNG file {path}.</source>
        <translation>Không thể ghi tệp PNG {path}.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="273"/>
        <source>BP Studio network</source>
        <translation>Mạng BP Studio</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="276"/>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="282"/>
        <source>Could not write the SVG file {path}.</source>
        <translation>Không thể ghi tệp SVG {path}.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="310"/>
        <source>“{text}” is not a number: type a value such as 0.25 or {minus}1.5.</source>
        <translation>“{text}” không phải là số: hãy gõ một giá trị như 0.25 hoặc {minus}1.5.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="340"/>
        <source>Edit weight {name}…</source>
        <translation>Sửa trọng số {name}…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="348"/>
        <source>Edit bias {name}…</source>
        <translation>Sửa bias {name}…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="353"/>
        <source>Add neuron to this layer</source>
        <translation>Thêm nơ-ron vào lớp này</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="356"/>
        <source>Remove neuron {name}</source>
        <translation>Xoá nơ-ron {name}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="365"/>
        <source>Add hidden layer before</source>
        <translation>Thêm lớp ẩn phía trước</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="371"/>
        <source>Add hidden layer after</source>
        <translation>Thêm lớp ẩn phía sau</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="376"/>
        <source>Remove this layer</source>
        <translation>Xoá lớp này</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="378"/>
        <source>Activation</source>
        <translation>Hàm kích hoạt</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="397"/>
        <source>Add hidden layer</source>
        <translation>Thêm lớp ẩn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="401"/>
        <source>Fit to view</source>
        <translation>Vừa khít khung</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="566"/>
        <source>1 neuron</source>
        <translation>1 nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="566"/>
        <source>{count} neurons</source>
        <translation>{count} nơ-ron</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="568"/>
        <source>Input layer</source>
        <translation>Lớp đầu vào</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="572"/>
        <source>Output layer</source>
        <translation>Lớp đầu ra</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="574"/>
        <source>Hidden layer</source>
        <translation>Lớp ẩn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="576"/>
        <source>Hidden layer {index}</source>
        <translation>Lớp ẩn {index}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/canvas.py" line="842"/>
        <source>New value of {name}; Enter to apply, Esc to cancel.</source>
        <translation>Giá trị mới của {name}; Enter để áp dụng, Esc để huỷ.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="28"/>
        <source>({count} terms)</source>
        <translation>({count} số hạng)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="47"/>
        <source>{name} — input {index}</source>
        <translation>{name} — đầu vào {index}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="53"/>
        <source>{name} — output neuron {index} · {activation}</source>
        <translation>{name} — nơ-ron đầu ra {index} · {activation}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="59"/>
        <source>{name} — hidden layer {layer}, neuron {index} · {activation}</source>
        <translation>{name} — lớp ẩn {layer}, nơ-ron {index} · {activation}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="65"/>
        <source>Values of sample 1 of the {m} in this batch; gradients are means over the batch.</source>
        <translation>Giá trị của mẫu 1 trong {m} mẫu của lô này; gradient là trung bình trên cả lô.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="100"/>
        <source>batch norm: ẑ = (z − μ)/√(σ² + ε) = {z_hat}; u = γ·ẑ + β = {u}</source>
        <translation>chuẩn hoá theo lô: ẑ = (z − μ)/√(σ² + ε) = {z_hat}; u = γ·ẑ + β = {u}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="112"/>
        <source>target y = {y}; loss of sample 1: L = {loss}</source>
        <translation>giá trị đích y = {y}; mất mát của mẫu 1: L = {loss}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="118"/>
        <source>z and a are not computed yet in this step: the feedforward phase fills them in.</source>
        <translation>Bước này chưa tính z và a: pha lan truyền tiến sẽ điền chúng vào.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="159"/>
        <source>{delta} = ∂L/∂z (through batch normalisation) = {value}</source>
        <translation>{delta} = ∂L/∂z (qua chuẩn hoá theo lô) = {value}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="194"/>
        <source>update: {name} {old} → {new}</source>
        <translation>cập nhật: {name} {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="203"/>
        <source>Double-click to type a new bias.</source>
        <translation>Nhấp đúp để gõ bias mới.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="209"/>
        <source>full precision: </source>
        <translation>độ chính xác đầy đủ: </translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="220"/>
        <source>{weight} — weight from {source} to {target}</source>
        <translation>{weight} — trọng số từ {source} đến {target}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="226"/>
        <source>Gradients are means over the {m} samples of this batch.</source>
        <translation>Gradient là trung bình trên {m} mẫu của lô này.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="258"/>
        <source>update ({optimizer}): {old} → {new}</source>
        <translation>cập nhật ({optimizer}): {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="262"/>
        <source>new w = </source>
        <translation>w mới = </translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="263"/>
        <source>Double-click the label to type a new weight.</source>
        <translation>Nhấp đúp vào nhãn để gõ trọng số mới.</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/canvas/tooltips.py" line="269"/>
        <source>{count} weights from layer {source} to layer {target}; the {drawn} largest are drawn. Hover a neuron for its formula, or read every weight in the parameter tables.</source>
        <translation>{count} trọng số từ lớp {source} đến lớp {target}; chỉ vẽ {drawn} trọng số lớn nhất. Di chuột lên một nơ-ron để xem công thức, hoặc đọc mọi trọng số trong bảng tham số.</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="234"/>
        <source>Loss</source>
        <translation>Hàm mất mát</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="235"/>
        <source>Optimizer</source>
        <translation>Bộ tối ưu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="236"/>
        <source>Learning rate α</source>
        <translation>Tốc độ học α</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="237"/>
        <source>Momentum μ</source>
        <translation>Quán tính μ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="238"/>
        <source>β₁ (first moment)</source>
        <translation>β₁ (mômen bậc một)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="239"/>
        <source>β₂ (second moment)</source>
        <translation>β₂ (mômen bậc hai)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="240"/>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="241"/>
        <source>Weight decay λ</source>
        <translation>Suy giảm trọng số λ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="242"/>
        <source>Clip gradient norm</source>
        <translation>Cắt chuẩn gradient</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="243"/>
        <source>Batch size m</source>
        <translation>Kích thước lô m</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="244"/>
        <source>Shuffle each epoch</source>
        <translation>Xáo trộn mỗi epoch</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="245"/>
        <source>Shuffle seed</source>
        <translation>Seed xáo trộn</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="249"/>
        <source>Training</source>
        <translation>Huấn luyện</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="250"/>
        <source>Initialiser (used by Re-initialise)</source>
        <translation>Cách khởi tạo (dùng khi Khởi tạo lại)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="251"/>
        <source>Scheme</source>
        <translation>Phương pháp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="252"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="253"/>
        <source>A positive number, e.g. 0.1</source>
        <translation>Một số dương, ví dụ 0.1</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="254"/>
        <location filename="../../bpstudio/ui/options_panel.py" line="255"/>
        <location filename="../../bpstudio/ui/options_panel.py" line="256"/>
        <source>From 0 up to (not including) 1</source>
        <translation>Từ 0 đến dưới 1 (không gồm 1)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="257"/>
        <source>A small positive number, e.g. 1e-8</source>
        <translation>Một số dương nhỏ, ví dụ 1e-8</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="259"/>
        <source>Zero or positive; adds λW to the gradient of the weights</source>
        <translation>Bằng 0 hoặc dương; cộng λW vào gradient của trọng số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/options_panel.py" line="261"/>
        <source>Largest allowed norm of the whole gradient</source>
        <translation>Chuẩn lớn nhất cho phép của toàn bộ gradient</translation>
    </message>
</context>
<context>
    <name>ParameterModel</name>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="201"/>
        <source>Not computed yet in this step</source>
        <translation>Bước này chưa tính</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="212"/>
        <source>before the update: {0}</source>
        <translation>trước khi cập nhật: {0}</translation>
    </message>
</context>
<context>
    <name>ParametersPanel</name>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="454"/>
        <source>weights</source>
        <translation>trọng số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="455"/>
        <source>biases</source>
        <translation>bias</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="456"/>
        <source>gradient of the weights</source>
        <translation>gradient của trọng số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="457"/>
        <source>gradient of the biases</source>
        <translation>gradient của bias</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="458"/>
        <source>batch-norm scale</source>
        <translation>hệ số co giãn của chuẩn hoá theo lô</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="459"/>
        <source>batch-norm shift</source>
        <translation>độ dịch của chuẩn hoá theo lô</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="460"/>
        <source>gradient of γ</source>
        <translation>gradient của γ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="461"/>
        <source>gradient of β</source>
        <translation>gradient của β</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="462"/>
        <source>optimizer velocity</source>
        <translation>vận tốc của bộ tối ưu</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="463"/>
        <source>Adam first moment</source>
        <translation>mômen bậc một của Adam</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="464"/>
        <source>Adam second moment</source>
        <translation>mômen bậc hai của Adam</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/parameters.py" line="471"/>
        <source>Layer:</source>
        <translation>Lớp:</translation>
    </message>
</context>
<context>
    <name>ReinitDialog</name>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="25"/>
        <source>Re-initialise the weights</source>
        <translation>Khởi tạo lại trọng số</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="39"/>
        <source>Scheme</source>
        <translation>Phương pháp</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="40"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="41"/>
        <source>Lower bound a (uniform)</source>
        <translation>Cận dưới a (uniform)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="42"/>
        <source>Upper bound b (uniform)</source>
        <translation>Cận trên b (uniform)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="43"/>
        <source>Standard deviation (normal)</source>
        <translation>Độ lệch chuẩn (normal)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="44"/>
        <source>Bias value</source>
        <translation>Giá trị bias</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="48"/>
        <source>New weights are drawn from the scheme with this seed; biases get the bias value. Training starts again from step 0 (undo brings the old weights back).</source>
        <translation>Trọng số mới được rút ngẫu nhiên theo phương pháp đã chọn với seed này; các bias nhận giá trị bias. Việc huấn luyện bắt đầu lại từ bước 0 (hoàn tác sẽ đưa trọng số cũ trở lại).</translation>
    </message>
    <message>
        <location filename="../../bpstudio/ui/reinit_dialog.py" line="97"/>
        <source>The lower bound must be below the upper bound.</source>
        <translation>Cận dưới phải nhỏ hơn cận trên.</translation>
    </message>
</context>
</TS>
